package dev.decaybench.runner.engine;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.util.Json;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per process, on a side thread: loads what the scorer will need (Cucumber and the suites,
 * the checks, the result's JSON writer) while the sandbox, PostgreSQL and the app start. The main
 * thread would otherwise wait for the trial then, and pay this start-up between its steps.
 */
final class ScorerWarmUp {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ScorerWarmUp() {}

  /** @param extendedSuite whether the extended suite runs too (its features are loaded then) */
  static void inBackground(boolean extendedSuite) {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        ConduitSuite.warmUp(extendedSuite ? List.of(ConduitSuite.PAPER, ConduitSuite.EXTENDED)
            : List.of(ConduitSuite.PAPER));
        Json.mapper().writerFor(TrialResult.class); // builds the serializers of the result's types
      } catch (RuntimeException e) {
        // a warm-up only: the real run reports any problem
      }
    }, "scorer-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
