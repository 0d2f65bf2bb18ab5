package dev.decaybench.runner.app;

import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.SecretScrubber;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The app under test: its run command started in the workspace with the task's environment,
 * output captured in a {@link BoundedLog}; stopping it stops every process it started.
 */
public final class AppProcess implements AutoCloseable {

  private final Process process;
  private final Thread drainer;

  private AppProcess(Process process, Thread drainer) {
    this.process = process;
    this.drainer = drainer;
  }

  public static AppProcess start(String runCommand, Path workspace, Map<String, String> env,
      BoundedLog log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", runCommand))
        .directory(workspace.toFile())
        .redirectErrorStream(true);
    SecretScrubber.scrub(pb.environment());
    pb.environment().putAll(env);
    log.append("[decaybench] $ " + runCommand + "\n");
    Process p = pb.start();
    p.getOutputStream().close();
    Thread t = new Thread(() -> log.drain(p.getInputStream()), "app-log");
    t.setDaemon(true);
    t.start();
    return new AppProcess(p, t);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Exit code when the run command has ended, else null. */
  public Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  @Override
  public void close() {
    Processes.stopTree(process.toHandle(), 2000);
    try {
      drainer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
