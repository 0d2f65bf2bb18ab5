package dev.decaybench.runner.run;

import dev.decaybench.model.plan.PlanException;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TrialPlanner;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.TaskSelection;
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
 * The tasks a run plans from on this machine, handed to the one {@link TrialPlanner} (the
 * operator's is the same): the built-in suite's definitions, or a custom suite's, read from
 * {@code spec.tasks.taskDirectory} (relative to the manifest).
 */
public final class LocalSuite {

  private LocalSuite() {}

  /** The run's trials; a selection that selects nothing is an IllegalArgumentException. */
  public static List<PlannedTrial<TaskDefinition>> plan(EvaluationRunSpec spec, Path manifestDir)
      throws IOException {
    TaskSelection sel = spec.getTasks() == null ? new TaskSelection() : spec.getTasks();
    try {
      return TrialPlanner.plan(spec, candidates(sel, manifestDir), TaskDefinition::name);
    } catch (PlanException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static List<TaskDefinition> candidates(TaskSelection sel, Path manifestDir)
      throws IOException {
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
