package dev.decaybench.model.plan;

import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.TaskSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a run's task selection into its trials, for the CLI and the operator alike: the
 * candidate tasks (the built-in suite, or a custom suite's tasks) kept when every given filter
 * (frameworks, levels, variants, names) holds for what their names tell ({@link TaskRef}), in
 * the candidates' order, then each task times its repeats. The index of a trial names its
 * EvaluationTrial, so the plan depends on nothing but the spec and the candidates.
 */
public final class TrialPlanner {

  /** More trials than this in one run is a mistake (10,000 is the size the operator is built for). */
  public static final long MAX_TRIALS = 100_000;

  private TrialPlanner() {}

  /** The plan of {@code candidates} (each known by its {@code name}) under the spec. */
  public static <T> List<PlannedTrial<T>> plan(EvaluationRunSpec spec, List<T> candidates,
      Function<T, String> name) throws PlanException {
    TaskSelection sel = spec.getTasks() == null ? new TaskSelection() : spec.getTasks();
    List<TaskRef> refs = new ArrayList<>();
    List<T> tasks = new ArrayList<>();
    for (T candidate : candidates) {
      TaskRef ref = TaskRef.of(name.apply(candidate));
      if (sel.selects(ref.framework() == null ? null : ref.framework().value(), ref.level(),
          ref.variant(), ref.name())) {
        refs.add(ref);
        tasks.add(candidate);
      }
    }
    if (tasks.isEmpty()) {
      throw new PlanException("NoTaskSelected", TaskSelection.NOTHING_SELECTED);
    }
    int repeats = spec.getRepeats() == null ? EvaluationRunSpec.DEFAULT_REPEATS
        : spec.getRepeats();
    if ((long) tasks.size() * repeats > MAX_TRIALS) {
      throw new PlanException("TooManyTrials", "spec.repeats: " + tasks.size() + " tasks x "
          + repeats + " repeats is more than " + MAX_TRIALS + " trials");
    }
    List<PlannedTrial<T>> out = new ArrayList<>(tasks.size() * repeats);
    for (int i = 0; i < tasks.size(); i++) {
      for (int r = 0; r < repeats; r++) {
        out.add(new PlannedTrial<>(out.size(), refs.get(i), tasks.get(i), r));
      }
    }
    return out;
  }
}
