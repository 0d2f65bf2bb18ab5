package dev.decaybench.runner.engine;

import dev.decaybench.runner.sandbox.TrialSandbox;
import java.util.concurrent.atomic.AtomicBoolean;

/** A trial's time limit: when it passes, the sandbox is closed, which ends whatever was running. */
final class TrialDeadline {

  private final Thread watchdog;
  private final AtomicBoolean passed;

  private TrialDeadline(Thread watchdog, AtomicBoolean passed) {
    this.watchdog = watchdog;
    this.passed = passed;
  }

  static TrialDeadline start(TrialSandbox sandbox, long millis) {
    AtomicBoolean passed = new AtomicBoolean();
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(millis);
        passed.set(true);
        sandbox.close();
      } catch (InterruptedException e) {
        // finished in time
      }
    }, "trial-deadline");
    t.setDaemon(true);
    t.start();
    return new TrialDeadline(t, passed);
  }

  void cancel() {
    watchdog.interrupt();
  }

  boolean passed() {
    return passed.get();
  }
}
