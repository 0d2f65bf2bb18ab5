package dev.decaybench.operator.plan;

import dev.decaybench.model.plan.PlanException;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.plan.TrialPlanner;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.TaskSelection;
import java.util.List;

/**
 * The tasks a run plans from on a cluster, handed to the one {@link TrialPlanner}: the built-in
 * suite, or a custom suite's {@code tasks.names}: the operator cannot read a custom suite's
 * directory (it lives in the runner image).
 */
public final class ClusterSuite {

  private ClusterSuite() {}

  public static List<PlannedTrial<TaskRef>> plan(EvaluationRunSpec spec) throws PlanException {
    TaskSelection sel = spec.getTasks() == null ? new TaskSelection() : spec.getTasks();
    List<TaskRef> candidates;
    if (sel.getTaskDirectory() == null) {
      candidates = TaskRef.builtInSuite();
    } else if (sel.getNames() == null || sel.getNames().isEmpty()) {
      throw new PlanException("CustomSuiteNeedsNames", "spec.tasks.taskDirectory: the operator"
          + " cannot read a custom suite's directory (it lives in the runner image); list its"
          + " tasks in spec.tasks.names");
    } else {
      candidates = sel.getNames().stream().map(TaskRef::of).toList();
    }
    return TrialPlanner.plan(spec, candidates, TaskRef::name);
  }
}
