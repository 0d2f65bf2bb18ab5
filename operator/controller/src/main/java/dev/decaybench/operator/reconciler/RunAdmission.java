package dev.decaybench.operator.reconciler;

import dev.decaybench.model.manifest.ManifestValidator;
import dev.decaybench.model.plan.PlanException;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.status.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether a run can start trials: the same semantic checks as the CLI
 * ({@link ManifestValidator}), a plan that selects at least one task, and trials already created
 * that still match that plan (changing the task selection or repeats of a started run would
 * rename its trials: refused with reason PlanChanged, the run keeps its trials).
 */
public final class RunAdmission {


  /** The plan, or the reason and problems that keep the run from being accepted. */
  public record Result(List<PlannedTrial<TaskRef>> plan, Reason reason, List<String> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }
  }

  /**
   * What a manifest may do locally but not in a pod: a command agent runs a CLI of this machine;
   * the runner images carry none, so on a cluster it needs an image that has one.
   */
  static List<String> clusterOnlyProblems(EvaluationRun run) {
    boolean command = run.getSpec().getAgent() != null
        && run.getSpec().getAgent().getType() == dev.decaybench.model.v1alpha1.AgentType.COMMAND;
    boolean ownRunner = run.getSpec().getImages() != null
        && run.getSpec().getImages().getRunner() != null;
    return command && !ownRunner ? List.of("spec.agent.type: command runs a CLI that the runner"
        + " image does not have: on a cluster use type: image (your agent's image), or name an"
        + " image with the CLI in spec.images.runner") : List.of();
  }

  public Result admit(EvaluationRun run, Collection<EvaluationTrial> existing) {
    List<String> problems;
    try {
      problems = ManifestValidator.validate(run);
    } catch (RuntimeException e) {
      problems = List.of("spec: cannot be validated: " + e.getMessage());
    }
    if (problems.isEmpty()) {
      problems = clusterOnlyProblems(run);
    }
    if (!problems.isEmpty()) {
      return new Result(null, Reason.InvalidSpec, problems);
    }
    List<PlannedTrial<TaskRef>> plan;
    try {
      plan = ClusterSuite.plan(run.getSpec());
    } catch (PlanException e) {
      return new Result(null, Reason.valueOf(e.reason()), List.of(e.getMessage()));
    }
    List<String> mismatches = new ArrayList<>();
    String runName = run.getMetadata().getName();
    for (EvaluationTrial t : existing) {
      int index = TrialNames.index(runName, t.getMetadata().getName());
      if (index < 0 || index >= plan.size() || !plan.get(index).matches(t.getSpec())) {
        mismatches.add(t.getMetadata().getName());
      }
    }
    if (!mismatches.isEmpty()) {
      return new Result(plan, Reason.PlanChanged, List.of("spec.tasks or spec.repeats changed"
          + " after trials were created (" + mismatches.size() + " existing trials, e.g. "
          + mismatches.get(0) + ", no longer match the plan): restore them, or create a new"
          + " run"));
    }
    return new Result(plan, null, List.of());
  }
}
