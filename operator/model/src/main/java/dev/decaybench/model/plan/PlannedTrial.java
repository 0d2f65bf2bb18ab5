package dev.decaybench.model.plan;

import dev.decaybench.model.v1alpha1.EvaluationTrialSpec;

/**
 * One trial of a run's plan, the same on both paths: its index in the plan (which names the
 * EvaluationTrial), the task as the planner saw it, what the path runs it from ({@code T}: the
 * CLI's task definition, the operator's {@link TaskRef}) and the repeat, from 0.
 */
public record PlannedTrial<T>(int index, TaskRef ref, T task, int repeat) {

  /** Directory-safe and stable across runs, so --resume and replay find it again. */
  public String id() {
    return id(ref.name(), repeat);
  }

  /** The id of repeat {@code repeat} of task {@code task}. */
  public static String id(String task, int repeat) {
    return task + "__r" + repeat;
  }

  /** The EvaluationTrial spec of this trial's first attempt. */
  public EvaluationTrialSpec toSpec(String runName) {
    return new EvaluationTrialSpec(runName, ref.name(), ref.framework(), ref.variant(),
        ref.level(), repeat, 0);
  }

  /** True when an existing trial's spec is this planned trial (attempts aside). */
  public boolean matches(EvaluationTrialSpec spec) {
    return spec != null && ref.name().equals(spec.getTask())
        && spec.getRepeat() != null && spec.getRepeat() == repeat;
  }
}
