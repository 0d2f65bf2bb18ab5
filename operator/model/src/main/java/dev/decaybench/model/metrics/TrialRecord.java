package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.decaybench.model.result.TrialUsage;
import java.util.List;

/**
 * One finished trial as the metrics see it: where it sits in the run (task, framework, level,
 * variant, repeat) and what it scored. Local runs build these from result.json; the operator from
 * EvaluationTrial statuses; both then call the same {@link RunMetrics}. {@code usage} (tokens, calls,
 * time, cost; null when nothing is known) is not written with the record: run.json lists each
 * trial's priced usage beside it.
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
    long durationMs,
    @JsonIgnore TrialUsage usage) {

  /** A record without usage. */
  public TrialRecord(String id, String task, String framework, int level, List<String> constraints, int repeat,
      double aPct, double strictAPct, Double strictAPctPlus, boolean success, Integer extendedPassed,
      Integer extendedTotal, String failureCoarse, String failureSubcategory, boolean dataLayer, long durationMs) {
    this(id, task, framework, level, constraints, repeat, aPct, strictAPct, strictAPctPlus, success,
        extendedPassed, extendedTotal, failureCoarse, failureSubcategory, dataLayer, durationMs, null);
  }

  /** The same trial with {@code u} as its usage ({@link TrialUsage#orNull}: nothing known is null). */
  public TrialRecord withUsage(TrialUsage u) {
    return new TrialRecord(id, task, framework, level, constraints, repeat, aPct, strictAPct, strictAPctPlus,
        success, extendedPassed, extendedTotal, failureCoarse, failureSubcategory, dataLayer, durationMs,
        TrialUsage.orNull(u));
  }

  /** The constraint variant: {@code clean_architecture-postgres} or {@code unconstrained}. */
  public String variant() {
    return constraints == null || constraints.isEmpty() ? "unconstrained" : String.join("-", constraints);
  }
}
