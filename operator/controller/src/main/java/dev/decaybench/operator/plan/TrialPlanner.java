package dev.decaybench.operator.plan;

import dev.decaybench.api.v1alpha1.ConstraintVariant;
import dev.decaybench.api.v1alpha1.EvaluationRunSpec;
import dev.decaybench.api.v1alpha1.Framework;
import dev.decaybench.api.v1alpha1.TaskSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run's task selection into its trials, exactly as {@code decaybench run} plans them
 * locally: the built-in suite's tasks ({@code <framework>-openapi-<variant>}, frameworks in suite
 * order, each framework's ten variants in the suite's order), kept when every given filter
 * (frameworks, levels, variants, names) holds, then each task times its repeats. The index of a
 * trial in this list names its EvaluationTrial, so the plan must not depend on anything but the
 * spec. A custom suite ({@code tasks.taskDirectory}, read inside the runner image) must list its
 * tasks in {@code tasks.names}: the operator cannot read that directory.
 */
public final class TrialPlanner {

  /** More trials than this in one run is a mistake (10,000 is the size the operator is built for). */
  public static final long MAX_TRIALS = 100_000;

  private static final Pattern BUILT_IN_NAME = Pattern.compile("([a-z]+)-openapi-([a-z_-]+)");

  public List<PlannedTrial> plan(EvaluationRunSpec spec) throws PlanException {
    TaskSelection sel = spec.getTasks() == null ? new TaskSelection() : spec.getTasks();
    List<TaskRef> tasks = sel.getTaskDirectory() == null ? builtIn(sel) : custom(sel);
    if (tasks.isEmpty()) {
      throw new PlanException("NoTaskSelected", TaskSelection.NOTHING_SELECTED);
    }
    int repeats = spec.getRepeats() == null ? EvaluationRunSpec.DEFAULT_REPEATS
        : spec.getRepeats();
    if ((long) tasks.size() * repeats > MAX_TRIALS) {
      throw new PlanException("TooManyTrials", "spec.repeats: " + tasks.size() + " tasks x "
          + repeats + " repeats is more than " + MAX_TRIALS + " trials");
    }
    List<PlannedTrial> out = new ArrayList<>(tasks.size() * repeats);
    for (TaskRef t : tasks) {
      for (int r = 0; r < repeats; r++) {
        out.add(new PlannedTrial(out.size(), t.name, t.framework, t.variant, t.level, r));
      }
    }
    return out;
  }

  /** Framework, variant and level of a built-in task name, when it is one. */
  public static Optional<TaskRef> parseTaskName(String name) {
    Matcher m = BUILT_IN_NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Framework> fw = Framework.fromValue(m.group(1));
    if (fw.isEmpty()) {
      return Optional.empty();
    }
    try {
      ConstraintVariant v = ConstraintVariant.parse(m.group(2));
      if (!v.name().equals(m.group(2)) || !v.appliesTo(fw.get())) {
        return Optional.empty();
      }
      return Optional.of(new TaskRef(name, fw.get(), v.name(), v.level()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<TaskRef> builtIn(TaskSelection sel) {
    List<TaskRef> out = new ArrayList<>();
    for (Framework f : Framework.values()) {
      for (ConstraintVariant v : ConstraintVariant.allFor(f)) {
        TaskRef t = new TaskRef(f.value() + "-openapi-" + v.name(), f, v.name(), v.level());
        if (matches(sel, t)) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static List<TaskRef> custom(TaskSelection sel) throws PlanException {
    if (sel.getNames() == null || sel.getNames().isEmpty()) {
      throw new PlanException("CustomSuiteNeedsNames", "spec.tasks.taskDirectory: the operator"
          + " cannot read a custom suite's directory (it lives in the runner image); list its"
          + " tasks in spec.tasks.names");
    }
    List<TaskRef> out = new ArrayList<>();
    for (String name : sel.getNames()) {
      TaskRef t = parseTaskName(name).orElseGet(() -> new TaskRef(name, frameworkPrefix(name), null, null));
      // a task that is no built-in one has no level or variant to filter on
      boolean selected = t.variant == null
          ? t.framework == null || !present(sel.getFrameworks()) || sel.getFrameworks().contains(t.framework)
          : matches(sel, t);
      if (selected) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The framework a custom task's name starts with, e.g. a feature task's
   * ({@code express-hard-focused-task-001}; the paper's {@code honojs} is hono), so its pod gets
   * that family's runtime image; null when the name starts with none.
   */
  static Framework frameworkPrefix(String name) {
    String first = name.split("-")[0];
    return Framework.fromValue(first.equals("honojs") ? "hono" : first).orElse(null);
  }

  private static boolean matches(TaskSelection sel, TaskRef t) {
    return sel.selects(t.framework == null ? null : t.framework.value(), t.level, t.variant,
        t.name);
  }

  private static boolean present(List<?> list) {
    return list != null && !list.isEmpty();
  }

  /** A task of the suite and where it sits. */
  public record TaskRef(String name, Framework framework, String variant, Integer level) {}
}
