package dev.decaybench.runner.run;

import dev.decaybench.api.result.TrialResult;
import dev.decaybench.runner.engine.Json;
import dev.decaybench.runner.task.TaskDefinition;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes where a built-in Python task's packages came from ({@code startup.pythonPackages}) into
 * the result.json the evaluator has just written. The evaluator knows the task's set-up commands
 * but not why they were chosen, so the caller that chose them adds the fact afterwards.
 */
public final class PackageSourceRecord {

  private PackageSourceRecord() {}

  /** The result as recorded: unchanged when the task made no choice (Node tasks, task files). */
  public static TrialResult record(TrialResult result, TaskDefinition task, Path resultJson)
      throws IOException {
    if (task.pythonPackages() == null || result.startup() == null) {
      return result;
    }
    TrialResult recorded = result.withStartup(result.startup().withPythonPackages(task.pythonPackages()));
    Json.mapper().writeValue(resultJson.toFile(), recorded);
    return recorded;
  }
}
