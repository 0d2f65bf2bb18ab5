package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Everything one evaluated trial produced: the file {@code result.json} in a trial directory.
 * The classifier, the local reports and the operator read only this (plus server.log), so it
 * carries every fact they need. Schema: docs/result-format.md and result.schema.json.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "task", "constraints", "assertions", "aPct", "strictAPct",
    "strictAPctPlus", "extended", "success", "healthy", "failure", "strictPlusFailure", "harnessError", "sandbox", "startup", "requests", "verifiers",
    "writeChecks", "timings", "serverLogTail"})
public record TrialResult(
    int schemaVersion,
    String task,
    List<String> constraints,
    AssertionCounts assertions,
    double aPct,
    double strictAPct,
    double strictAPctPlus,
    ExtendedResult extended,
    boolean success,
    boolean healthy,
    FailureClass failure,
    String harnessError,
    SandboxInfo sandbox,
    StartupInfo startup,
    List<RequestResult> requests,
    List<VerifierResult> verifiers,
    PhaseTimings timings,
    String serverLogTail,
    FailureClass strictPlusFailure,
    List<WriteCheck> writeChecks) {

  public static final int SCHEMA_VERSION = 1;

  /** A result of {@code task} with every other field unset, to set by name. */
  public static Builder builder(String task) {
    return new Builder().task(task);
  }

  /** A builder holding this result's fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.schemaVersion = schemaVersion;
    b.task = task;
    b.constraints = constraints;
    b.assertions = assertions;
    b.aPct = aPct;
    b.strictAPct = strictAPct;
    b.strictAPctPlus = strictAPctPlus;
    b.extended = extended;
    b.success = success;
    b.healthy = healthy;
    b.failure = failure;
    b.harnessError = harnessError;
    b.sandbox = sandbox;
    b.startup = startup;
    b.requests = requests;
    b.verifiers = verifiers;
    b.timings = timings;
    b.serverLogTail = serverLogTail;
    b.strictPlusFailure = strictPlusFailure;
    b.writeChecks = writeChecks;
    return b;
  }

  /** The same result with its failure class set (the classifier runs after the verdict). */
  public TrialResult withFailure(FailureClass newFailure) {
    return toBuilder().failure(newFailure).build();
  }

  /**
   * The same result with a finding under strict A%+ (decaybench's stronger verifiers): set on a
   * trial the paper calls a success, which has no {@code failure}; the paper's numbers stay.
   */
  public TrialResult withStrictPlusFailure(FailureClass finding) {
    return toBuilder().strictPlusFailure(finding).build();
  }

  /** The same result with the database's answer on the paper suite's writes. */
  public TrialResult withWriteChecks(List<WriteCheck> checks) {
    return toBuilder().writeChecks(checks).build();
  }

  /** True when every verifier passed (an empty list passes: an unconstrained task). */
  public static boolean allVerifiersPass(List<VerifierResult> verifiers) {
    return verifiers.stream().allMatch(VerifierResult::passed);
  }

  /** Fields by name: a new field is one more setter, not one more position at every call. */
  public static final class Builder {
    private int schemaVersion = SCHEMA_VERSION;
    private String task;
    private List<String> constraints;
    private AssertionCounts assertions;
    private double aPct;
    private double strictAPct;
    private double strictAPctPlus;
    private ExtendedResult extended;
    private boolean success;
    private boolean healthy;
    private FailureClass failure;
    private String harnessError;
    private SandboxInfo sandbox;
    private StartupInfo startup;
    private List<RequestResult> requests;
    private List<VerifierResult> verifiers;
    private PhaseTimings timings;
    private String serverLogTail;
    private FailureClass strictPlusFailure;
    private List<WriteCheck> writeChecks;

    private Builder() {}

    public Builder schemaVersion(int value) {
      this.schemaVersion = value;
      return this;
    }

    public Builder task(String value) {
      this.task = value;
      return this;
    }

    public Builder constraints(List<String> value) {
      this.constraints = value;
      return this;
    }

    public Builder assertions(AssertionCounts value) {
      this.assertions = value;
      return this;
    }

    public Builder aPct(double value) {
      this.aPct = value;
      return this;
    }

    public Builder strictAPct(double value) {
      this.strictAPct = value;
      return this;
    }

    public Builder strictAPctPlus(double value) {
      this.strictAPctPlus = value;
      return this;
    }

    public Builder extended(ExtendedResult value) {
      this.extended = value;
      return this;
    }

    public Builder success(boolean value) {
      this.success = value;
      return this;
    }

    public Builder healthy(boolean value) {
      this.healthy = value;
      return this;
    }

    public Builder failure(FailureClass value) {
      this.failure = value;
      return this;
    }

    public Builder harnessError(String value) {
      this.harnessError = value;
      return this;
    }

    public Builder sandbox(SandboxInfo value) {
      this.sandbox = value;
      return this;
    }

    public Builder startup(StartupInfo value) {
      this.startup = value;
      return this;
    }

    public Builder requests(List<RequestResult> value) {
      this.requests = value;
      return this;
    }

    public Builder verifiers(List<VerifierResult> value) {
      this.verifiers = value;
      return this;
    }

    public Builder timings(PhaseTimings value) {
      this.timings = value;
      return this;
    }

    public Builder serverLogTail(String value) {
      this.serverLogTail = value;
      return this;
    }

    public Builder strictPlusFailure(FailureClass value) {
      this.strictPlusFailure = value;
      return this;
    }

    public Builder writeChecks(List<WriteCheck> value) {
      this.writeChecks = value;
      return this;
    }

    public TrialResult build() {
      return new TrialResult(schemaVersion, task, constraints, assertions, aPct, strictAPct,
          strictAPctPlus, extended, success, healthy, failure, harnessError, sandbox,
          startup, requests, verifiers, timings, serverLogTail, strictPlusFailure, writeChecks);
    }
  }
}
