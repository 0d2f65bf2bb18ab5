package dev.decaybench.runner.run;

import dev.decaybench.api.v1alpha1.EvaluationRunSpec;
import dev.decaybench.api.v1alpha1.TaskSelection;
import dev.decaybench.runner.task.TaskCatalog;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a run's task selection into its trials: tasks (built-in suite or a task directory)
 * filtered by frameworks, levels, variants and names — every given filter must hold — times
 * repeats.
 */
public final class TrialPlanner {

  private TrialPlanner() {}

  public static List<PlannedTrial> plan(EvaluationRunSpec spec, Path manifestDir) throws IOException {
    TaskSelection sel = spec.getTasks() == null ? new TaskSelection() : spec.getTasks();
    List<TaskDefinition> tasks = new ArrayList<>();
    for (TaskDefinition t : candidates(sel, manifestDir)) {
      if (sel.selects(t.framework(), t.level(), t.variant(), t.name())) {
        tasks.add(t);
      }
    }
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException(TaskSelection.NOTHING_SELECTED);
    }
    int repeats = spec.getRepeats() == null ? EvaluationRunSpec.DEFAULT_REPEATS : spec.getRepeats();
    List<PlannedTrial> out = new ArrayList<>();
    for (TaskDefinition t : tasks) {
      for (int r = 0; r < repeats; r++) {
        out.add(new PlannedTrial(t, r));
      }
    }
    return out;
  }

  private static List<TaskDefinition> candidates(TaskSelection sel, Path manifestDir) throws IOException {
    if (sel.getTaskDirectory() == null) {
      return TaskCatalog.all();
    }
    Path dir = manifestDir.resolve(sel.getTaskDirectory()).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("spec.tasks.taskDirectory " + dir + " is not a directory");
    }
    List<TaskDefinition> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(TaskLoader.load(f.toString(), null));
      }
    }
    return out;
  }
}
