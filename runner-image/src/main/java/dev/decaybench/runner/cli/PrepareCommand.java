package dev.decaybench.runner.cli;

import dev.decaybench.runner.run.TrialWorkspace;
import dev.decaybench.runner.task.TaskLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code decaybench prepare}: the trial pod's first step (also usable by hand). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    description = "Writes a task's prompt and an empty git workspace (baseline commit) for an agent.")
public final class PrepareCommand implements Callable<Integer> {

  @Option(names = "--task", required = true, paramLabel = "NAME|FILE")
  String task;

  @Option(names = "--workspace", required = true, paramLabel = "DIR")
  Path workspace;

  @Option(names = "--prompt", required = true, paramLabel = "FILE")
  Path prompt;

  @Override
  public Integer call() throws Exception {
    TrialWorkspace.prepare(TaskLoader.load(task, null), workspace, prompt);
    return 0;
  }
}
