package dev.decaybench.runner.engine;

import dev.decaybench.api.v1alpha1.Timeouts;
import dev.decaybench.runner.task.TaskOverrides;
import java.nio.file.Path;
import java.util.List;

/**
 * One call of the evaluator: the app to score, where results go, the task (file or name), what
 * the command line overrides in it (constraints, set-up, run command, port), PostgreSQL binaries
 * and the sandbox choice.
 */
public record EvaluationRequest(
    Path app,
    Path out,
    String task,
    TaskOverrides overrides,
    Path pgBin,
    String sandbox,
    Path patch,
    long healthTimeoutMillis,
    long requestTimeoutMillis,
    long trialTimeoutMillis,
    boolean extendedSuite,
    String externalPostgres,
    Path trajectory) {

  public EvaluationRequest {
    overrides = overrides == null ? TaskOverrides.NONE : overrides;
  }

  public static final long DEFAULT_HEALTH_TIMEOUT_MILLIS = 60_000;
  /** The shared default ({@link Timeouts#DEFAULT_TRIAL_SECONDS}), the same as on the cluster. */
  public static final long DEFAULT_TRIAL_TIMEOUT_MILLIS = Timeouts.DEFAULT_TRIAL_SECONDS * 1000L;
  /** The paper runs Newman with a 10 s request time-out. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  /** A request with every limit at its default. */
  public static EvaluationRequest of(Path app, Path out, String task, List<String> constraints) {
    return new EvaluationRequest(app, out, task, TaskOverrides.constraints(constraints), null, "auto", null,
        DEFAULT_HEALTH_TIMEOUT_MILLIS, DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_TRIAL_TIMEOUT_MILLIS, true, null, null);
  }

  public EvaluationRequest withTimeouts(long healthMillis, long requestMillis) {
    return new EvaluationRequest(app, out, task, overrides, pgBin, sandbox, patch, healthMillis,
        requestMillis, trialTimeoutMillis, extendedSuite, externalPostgres, trajectory);
  }

  public EvaluationRequest withPgBin(Path dir) {
    return new EvaluationRequest(app, out, task, overrides, dir, sandbox, patch,
        healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, extendedSuite, externalPostgres, trajectory);
  }

  public EvaluationRequest withOverrides(TaskOverrides newOverrides) {
    return new EvaluationRequest(app, out, task, newOverrides, pgBin, sandbox, patch,
        healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, extendedSuite, externalPostgres, trajectory);
  }

  public EvaluationRequest withoutExtendedSuite() {
    return new EvaluationRequest(app, out, task, overrides, pgBin, sandbox, patch,
        healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, false, externalPostgres, trajectory);
  }
}
