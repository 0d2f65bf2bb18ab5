package dev.decaybench.operator.status;

import dev.decaybench.api.metrics.RunMetrics;
import dev.decaybench.api.metrics.TrialRecord;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import dev.decaybench.api.v1alpha1.RunSummary;
import java.util.Collection;
import java.util.List;

/**
 * The run summary from the run's evaluated trials, through the one metrics implementation
 * ({@link RunMetrics}) that the local reports use too. The only place the operator computes
 * A%, pass@k and the rest.
 */
public final class RunSummaryCalculator {

  /**
   * The summary of the evaluated trials among {@code trials}, with k = the run's repeats; null
   * while no trial has been evaluated.
   */
  public RunSummary summarize(Collection<EvaluationTrial> trials, int repeats) {
    List<TrialRecord> records = trials.stream().filter(TrialResults::isEvaluated)
        .map(TrialResults::record).toList();
    if (records.isEmpty()) {
      return null;
    }
    return RunMetrics.compute(records, Math.max(1, repeats)).toRunSummary();
  }
}
