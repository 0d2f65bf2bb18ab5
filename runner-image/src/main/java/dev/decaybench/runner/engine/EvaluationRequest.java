package dev.decaybench.runner.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * One call of the evaluator: the app to score, where results go, the task (file or name), an
 * optional override of its constraints, PostgreSQL binaries and the sandbox choice.
 */
public record EvaluationRequest(
    Path app,
    Path out,
    String task,
    List<String> constraints,
    Path pgBin,
    String sandbox,
    Path patch,
    long healthTimeoutMillis,
    long trialTimeoutMillis) {

  public static final long DEFAULT_HEALTH_TIMEOUT_MILLIS = 60_000;
  public static final long DEFAULT_TRIAL_TIMEOUT_MILLIS = 20 * 60_000;
}
