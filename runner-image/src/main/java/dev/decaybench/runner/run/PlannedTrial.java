package dev.decaybench.runner.run;

import dev.decaybench.runner.task.TaskDefinition;

/** One trial of a run: a task and its repeat number (from 0, as on the cluster). */
public record PlannedTrial(TaskDefinition task, int repeat) {

  /** Directory-safe and stable across runs, so --resume and replay find it again. */
  public String id() {
    return task.name() + "__r" + repeat;
  }
}
