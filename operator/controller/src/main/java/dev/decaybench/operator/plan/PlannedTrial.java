package dev.decaybench.operator.plan;

import dev.decaybench.api.v1alpha1.EvaluationTrialSpec;
import dev.decaybench.api.v1alpha1.Framework;

/**
 * One trial of a run's plan: its index in the plan (which names the EvaluationTrial), the task,
 * where the task sits in the suite (framework, variant, level; null for a custom task whose name
 * does not tell) and the repeat, from 0.
 */
public record PlannedTrial(int index, String task, Framework framework, String variant,
    Integer level, int repeat) {

  /** The EvaluationTrial spec of this trial's first attempt. */
  public EvaluationTrialSpec toSpec(String runName) {
    return new EvaluationTrialSpec(runName, task, framework, variant, level, repeat, 0);
  }

  /** True when an existing trial's spec is this planned trial (attempts aside). */
  public boolean matches(EvaluationTrialSpec spec) {
    return spec != null && task.equals(spec.getTask())
        && spec.getRepeat() != null && spec.getRepeat() == repeat;
  }
}
