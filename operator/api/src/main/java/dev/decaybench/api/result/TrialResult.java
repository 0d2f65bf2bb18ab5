package dev.decaybench.api.result;

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

  /** A result without a finding under the stronger view (see {@link #withStrictPlusFailure}). */
  public TrialResult(int schemaVersion, String task, List<String> constraints,
      AssertionCounts assertions, double aPct, double strictAPct, double strictAPctPlus,
      ExtendedResult extended, boolean success, boolean healthy, FailureClass failure,
      String harnessError, SandboxInfo sandbox, StartupInfo startup, List<RequestResult> requests,
      List<VerifierResult> verifiers, PhaseTimings timings, String serverLogTail) {
    this(schemaVersion, task, constraints, assertions, aPct, strictAPct, strictAPctPlus, extended,
        success, healthy, failure, harnessError, sandbox, startup, requests, verifiers, timings,
        serverLogTail, null, null);
  }

  /** The same result with its failure class set (the classifier runs after the verdict). */
  public TrialResult withFailure(FailureClass newFailure) {
    return new TrialResult(schemaVersion, task, constraints, assertions, aPct, strictAPct,
        strictAPctPlus, extended, success,
        healthy, newFailure, harnessError, sandbox, startup, requests, verifiers, timings,
        serverLogTail, strictPlusFailure, writeChecks);
  }

  /**
   * The same result with a finding under strict A%+ (decaybench's stronger verifiers): set on a
   * trial the paper calls a success, which has no {@code failure}; the paper's numbers stay.
   */
  public TrialResult withStrictPlusFailure(FailureClass finding) {
    return new TrialResult(schemaVersion, task, constraints, assertions, aPct, strictAPct,
        strictAPctPlus, extended, success, healthy, failure, harnessError, sandbox, startup,
        requests, verifiers, timings, serverLogTail, finding, writeChecks);
  }

  /** The same result with the database's answer on the paper suite's writes. */
  public TrialResult withWriteChecks(List<WriteCheck> checks) {
    return new TrialResult(schemaVersion, task, constraints, assertions, aPct, strictAPct,
        strictAPctPlus, extended, success, healthy, failure, harnessError, sandbox, startup,
        requests, verifiers, timings, serverLogTail, strictPlusFailure, checks);
  }

  /** True when every verifier passed (an empty list passes: an unconstrained task). */
  public static boolean allVerifiersPass(List<VerifierResult> verifiers) {
    return verifiers.stream().allMatch(VerifierResult::passed);
  }
}
