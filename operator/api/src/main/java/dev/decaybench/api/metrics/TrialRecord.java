package dev.decaybench.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One finished trial as the metrics see it: where it sits in the run (task, framework, level,
 * variant, repeat) and what it scored. Local runs build these from result.json; the operator from
 * EvaluationTrial statuses; both then call the same {@link RunMetrics}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialRecord(
    String id,
    String task,
    String framework,
    int level,
    List<String> constraints,
    int repeat,
    double aPct,
    double strictAPct,
    Double strictAPctPlus,
    boolean success,
    Integer extendedPassed,
    Integer extendedTotal,
    String failureCoarse,
    String failureSubcategory,
    boolean dataLayer,
    long durationMs) {

  /** The constraint variant: {@code clean_architecture-postgres} or {@code unconstrained}. */
  public String variant() {
    return constraints == null || constraints.isEmpty() ? "unconstrained" : String.join("-", constraints);
  }
}
