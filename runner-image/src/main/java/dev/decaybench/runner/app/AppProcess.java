package dev.decaybench.runner.app;

import dev.decaybench.runner.util.BoundedLog;
import dev.decaybench.runner.sandbox.TrialSandbox;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
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

  /** Starts the run command in the trial's sandbox, with exactly {@code env}. */
  public static AppProcess start(TrialSandbox sandbox, String runCommand, Map<String, String> env,
      BoundedLog log) throws IOException {
    log.append("[decaybench] $ " + runCommand + "\n");
    Process p = sandbox.startApp(runCommand, env);
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
    try {
      Processes.stopTree(process.toHandle(), 2000);
    } catch (UnsupportedOperationException e) {
      // an app in another container has no handle here: its sandbox stops it
      process.destroy();
    }
    try {
      drainer.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
