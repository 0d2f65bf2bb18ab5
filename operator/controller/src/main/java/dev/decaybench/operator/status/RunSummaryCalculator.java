package dev.decaybench.operator.status;

import dev.decaybench.model.metrics.RunMetrics;
import dev.decaybench.model.metrics.TrialGrading;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.RunSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The run summary from the run's finished trials as {@link TrialGrading} counts them (Failed trials
 * of an agent failure or a time-out at A% 0, harness and infrastructure failures left out), through the one metrics implementation
 * ({@link RunMetrics}) that the local reports use too. The only place the operator computes
 * A%, pass@k and the rest.
 */
public final class RunSummaryCalculator {

  /**
   * The summary of the counted trials among {@code trials}, with k = the run's repeats; null
   * while no trial counts yet.
   */
  public RunSummary summarize(Collection<EvaluationTrial> trials, int repeats) {
    List<TrialRecord> records = records(trials);
    if (records.isEmpty()) {
      return null;
    }
    return RunMetrics.compute(records, Math.max(1, repeats)).toRunSummary();
  }

  /** The records the metrics use: the finished trials the grading rule counts. */
  public List<TrialRecord> records(Collection<EvaluationTrial> trials) {
    return trials.stream().map(TrialResults::graded).flatMap(Optional::stream).toList();
  }
}
