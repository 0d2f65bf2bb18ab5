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
    long requestTimeoutMillis,
    long trialTimeoutMillis,
    boolean extendedSuite,
    String externalPostgres,
    Path trajectory) {

  public static final long DEFAULT_HEALTH_TIMEOUT_MILLIS = 60_000;
  public static final long DEFAULT_TRIAL_TIMEOUT_MILLIS = 20 * 60_000;
  /** The paper runs Newman with a 10 s request time-out. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  /** A request with every limit at its default. */
  public static EvaluationRequest of(Path app, Path out, String task, List<String> constraints) {
    return new EvaluationRequest(app, out, task, constraints, null, "auto", null,
        DEFAULT_HEALTH_TIMEOUT_MILLIS, DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_TRIAL_TIMEOUT_MILLIS, true, null, null);
  }

  public EvaluationRequest withTimeouts(long healthMillis, long requestMillis) {
    return new EvaluationRequest(app, out, task, constraints, pgBin, sandbox, patch, healthMillis,
        requestMillis, trialTimeoutMillis, extendedSuite, externalPostgres, trajectory);
  }

  public EvaluationRequest withPgBin(Path dir) {
    return new EvaluationRequest(app, out, task, constraints, dir, sandbox, patch,
        healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, extendedSuite, externalPostgres, trajectory);
  }

  public EvaluationRequest withoutExtendedSuite() {
    return new EvaluationRequest(app, out, task, constraints, pgBin, sandbox, patch,
        healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, false, externalPostgres, trajectory);
  }
}
