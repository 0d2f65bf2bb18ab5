package dev.decaybench.runner.engine;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.RequestResult;
import dev.decaybench.model.result.WriteCheck;
import dev.decaybench.runner.verify.DatabaseFootprint;
import java.util.List;

/**
 * What the service half of a trial measured: the suite's requests as the scorer saw them, how
 * start-up went, the phase timings, the limits that stopped something, and a harness error when
 * it could not do its job.
 */
record ServiceOutcome(
    List<RequestResult> requests,
    AssertionCounts counts,
    List<RequestResult> extendedRequests,
    AssertionCounts extendedCounts,
    DatabaseFootprint footprint,
    List<WriteCheck> writeChecks,
    boolean healthy,
    String healthVerdict,
    long healthWaitMs,
    Integer appExitCode,
    long logBytes,
    boolean logTruncated,
    String serverLogTail,
    long postgresMs,
    long startMs,
    long suiteMs,
    List<String> limitsHit,
    String gaveUp,
    String harnessError) {}
