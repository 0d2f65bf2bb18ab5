package dev.decaybench.api.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.api.v1alpha1.GroupSummary;

/**
 * The paper's metrics for one group of trials (the whole run, a level, a framework, ...).
 * Percentages are 0..100, pass@1 / pass@k / pass^k are 0..1. The averages are null when the group
 * is empty; {@code strictAPctPlus} and {@code extendedPct} are null when no trial carries them.
 *
 * @param tasks distinct tasks in the group
 * @param trials trials in the group
 * @param successes trials with every assertion and every paper verifier passing
 * @param aPct A%: mean over a task's trials, then mean over the group's tasks
 * @param strictAPct strict A%, averaged the same way
 * @param strictAPctPlus strict A% plus (decaybench's stronger verifiers), averaged the same way
 * @param extendedPct share of passed checks of the extended suite, averaged the same way
 * @param passAt1 mean over tasks of c/n
 * @param passAtK mean over tasks of the unbiased pass@k
 * @param passHatK mean over tasks of (c/n)^k
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tasks", "trials", "successes", "aPct", "strictAPct", "strictAPctPlus",
    "extendedPct", "passAt1", "passAtK", "passHatK"})
public record GroupMetrics(
    int tasks,
    int trials,
    int successes,
    Double aPct,
    Double strictAPct,
    Double strictAPctPlus,
    Double extendedPct,
    Double passAt1,
    Double passAtK,
    Double passHatK) {

  /** The group as the CRD status shows it (values rounded to 4 decimals). */
  public GroupSummary toGroupSummary() {
    return new GroupSummary(trials, successes, RunMetrics.round4(aPct), RunMetrics.round4(strictAPct),
        RunMetrics.round4(passAt1), RunMetrics.round4(passAtK), RunMetrics.round4(passHatK));
  }
}
