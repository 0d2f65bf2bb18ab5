package dev.decaybench.operator.status;

import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import dev.decaybench.operator.plan.PlannedTrial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What the run reconciler saw: the run, its plan (null when the spec was not accepted), the
 * problems that kept it from being accepted with their reason, its trials, and the time.
 */
public record RunObservation(EvaluationRun run, List<PlannedTrial> plan, Reason problemReason,
    List<String> problems, Collection<EvaluationTrial> trials, Instant now) {

  public boolean accepted() {
    return problems.isEmpty();
  }
}
