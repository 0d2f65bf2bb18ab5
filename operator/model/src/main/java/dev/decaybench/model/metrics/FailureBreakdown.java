package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * How the failed trials (not successful) distribute over the paper's taxonomy. A failed trial
 * without a class counts under {@code unclassified} and is left out of the data-layer share.
 *
 * @param failed trials that are not a success
 * @param classified failed trials with a coarse class
 * @param byClass failed trials per coarse class (plus {@code unclassified})
 * @param bySubcategory failed trials per subcategory (logic_error only)
 * @param dataLayer classified failures in the data layer (incorrect_query_logic,
 *     database_runtime_error)
 * @param dataLayerShare dataLayer / classified, 0..1; null when nothing is classified
 * @param byClassPerLevel byClass for each level (L0..L3)
 * @param byClassPerFramework byClass for each framework
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"failed", "classified", "byClass", "bySubcategory", "dataLayer",
    "dataLayerShare", "byClassPerLevel", "byClassPerFramework"})
public record FailureBreakdown(
    int failed,
    int classified,
    Map<String, Integer> byClass,
    Map<String, Integer> bySubcategory,
    int dataLayer,
    Double dataLayerShare,
    Map<String, Map<String, Integer>> byClassPerLevel,
    Map<String, Map<String, Integer>> byClassPerFramework) {

  /** Key under which failed trials without a class are counted. */
  public static final String UNCLASSIFIED = "unclassified";
}
