package dev.decaybench.operator.status;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the run reconciler saw: the run, its plan (null when the spec was not accepted), the
 * problems that kept it from being accepted with their reason, its trials, the time, and why
 * no trial may start in its namespace yet ({@code unconfined}: no trial NetworkPolicy; null
 * when they may).
 */
public record RunObservation(EvaluationRun run, List<PlannedTrial<TaskRef>> plan,
    Reason problemReason, List<String> problems, Collection<EvaluationTrial> trials, Instant now,
    String unconfined) {

  public RunObservation(EvaluationRun run, List<PlannedTrial<TaskRef>> plan, Reason problemReason,
      List<String> problems, Collection<EvaluationTrial> trials, Instant now) {
    this(run, plan, problemReason, problems, trials, now, null);
  }

  public boolean accepted() {
    return problems.isEmpty();
  }
}
