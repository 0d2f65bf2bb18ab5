package dev.decaybench.runner.engine;

import dev.decaybench.model.plan.TrialSettings;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.runner.sandbox.AppChannel;
import dev.decaybench.runner.task.TaskOverrides;
import java.nio.file.Path;
import java.util.List;

/**
 * One call of the evaluator: the app to score, where results go, the task (file or name), what
 * the command line overrides in it (constraints, set-up, run command, port), PostgreSQL binaries
 * and the sandbox choice (with {@code pod}, the channel to the pod's app container).
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
    Path trajectory,
    AppChannel appChannel) {

  public EvaluationRequest {
    overrides = overrides == null ? TaskOverrides.NONE : overrides;
  }

  public static final long DEFAULT_HEALTH_TIMEOUT_MILLIS =
      TrialSettings.DEFAULT_HEALTH_SECONDS * 1000L;
  /** The shared default ({@link Timeouts#DEFAULT_TRIAL_SECONDS}), the same as on the cluster. */
  public static final long DEFAULT_TRIAL_TIMEOUT_MILLIS = Timeouts.DEFAULT_TRIAL_SECONDS * 1000L;
  /** The paper runs Newman with a 10 s request time-out. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 10_000;

  /** A request with every limit at its default. */
  public static EvaluationRequest of(Path app, Path out, String task, List<String> constraints) {
    return builder(app, out, task).overrides(TaskOverrides.constraints(constraints)).build();
  }

  /** A request for {@code app} with every other field at its default, to set by name. */
  public static Builder builder(Path app, Path out, String task) {
    return new Builder(app, out, task);
  }

  /** A builder holding this request's fields. */
  public Builder toBuilder() {
    return new Builder(app, out, task).overrides(overrides).pgBin(pgBin).sandbox(sandbox)
        .patch(patch).healthTimeoutMillis(healthTimeoutMillis)
        .requestTimeoutMillis(requestTimeoutMillis).trialTimeoutMillis(trialTimeoutMillis)
        .extendedSuite(extendedSuite).externalPostgres(externalPostgres).trajectory(trajectory)
        .appChannel(appChannel);
  }

  public EvaluationRequest withTimeouts(long healthMillis, long requestMillis) {
    return toBuilder().healthTimeoutMillis(healthMillis).requestTimeoutMillis(requestMillis)
        .build();
  }

  public EvaluationRequest withPgBin(Path dir) {
    return toBuilder().pgBin(dir).build();
  }

  public EvaluationRequest withOverrides(TaskOverrides newOverrides) {
    return toBuilder().overrides(newOverrides).build();
  }

  public EvaluationRequest withoutExtendedSuite() {
    return toBuilder().extendedSuite(false).build();
  }

  /** Fields by name: a new field is one more setter, not one more position at every call. */
  public static final class Builder {
    private final Path app;
    private final Path out;
    private final String task;
    private TaskOverrides overrides = TaskOverrides.NONE;
    private Path pgBin;
    private String sandbox = "auto";
    private Path patch;
    private long healthTimeoutMillis = DEFAULT_HEALTH_TIMEOUT_MILLIS;
    private long requestTimeoutMillis = DEFAULT_REQUEST_TIMEOUT_MILLIS;
    private long trialTimeoutMillis = DEFAULT_TRIAL_TIMEOUT_MILLIS;
    private boolean extendedSuite = true;
    private String externalPostgres;
    private Path trajectory;
    private AppChannel appChannel;

    private Builder(Path app, Path out, String task) {
      this.app = app;
      this.out = out;
      this.task = task;
    }

    public Builder overrides(TaskOverrides value) {
      this.overrides = value;
      return this;
    }

    public Builder pgBin(Path value) {
      this.pgBin = value;
      return this;
    }

    public Builder sandbox(String value) {
      this.sandbox = value;
      return this;
    }

    public Builder patch(Path value) {
      this.patch = value;
      return this;
    }

    public Builder healthTimeoutMillis(long value) {
      this.healthTimeoutMillis = value;
      return this;
    }

    public Builder requestTimeoutMillis(long value) {
      this.requestTimeoutMillis = value;
      return this;
    }

    public Builder trialTimeoutMillis(long value) {
      this.trialTimeoutMillis = value;
      return this;
    }

    public Builder extendedSuite(boolean value) {
      this.extendedSuite = value;
      return this;
    }

    public Builder externalPostgres(String value) {
      this.externalPostgres = value;
      return this;
    }

    public Builder trajectory(Path value) {
      this.trajectory = value;
      return this;
    }

    public Builder appChannel(AppChannel value) {
      this.appChannel = value;
      return this;
    }

    public EvaluationRequest build() {
      return new EvaluationRequest(app, out, task, overrides, pgBin, sandbox, patch,
          healthTimeoutMillis, requestTimeoutMillis, trialTimeoutMillis, extendedSuite,
          externalPostgres, trajectory, appChannel);
    }
  }
}
