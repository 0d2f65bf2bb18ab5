package dev.decaybench.runner.cli;

import dev.decaybench.runner.sandbox.AppChannel;
import dev.decaybench.runner.sandbox.AppHost;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decaybench app-host}: the trial pod's app container. Runs the evaluator's set-up and run
 * commands as this container's uid; the evaluator (another container, another uid) scores.
 */
@Command(name = "app-host", mixinStandardHelpOptions = true, hidden = true,
    description = "Runs a trial's set-up and app for the evaluate container of a trial pod.")
public final class AppHostCommand implements Callable<Integer> {

  @Option(names = "--control", required = true, paramLabel = "DIR",
      description = "Where the evaluator writes its requests (read-only here).")
  Path control;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Where each request's output and exit code go.")
  Path output;

  @Override
  public Integer call() throws Exception {
    try {
      new AppHost(new AppChannel(control, output), true, AppHost.CONTAINER_CGROUP).serve();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopped: the pod is ending
    }
    return 0;
  }
}
