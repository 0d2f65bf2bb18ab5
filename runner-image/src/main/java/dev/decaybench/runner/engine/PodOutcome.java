package dev.decaybench.runner.engine;

import dev.decaybench.api.result.AssertionCounts;
import dev.decaybench.api.result.RequestResult;
import dev.decaybench.runner.verify.DatabaseFootprint;
import java.util.List;

/**
 * What the pod half of a trial reports back: the suite's requests, how start-up went, the
 * phase timings it measured, and a harness error when it could not do its job.
 */
public record PodOutcome(
    List<RequestResult> requests,
    AssertionCounts counts,
    List<RequestResult> extendedRequests,
    AssertionCounts extendedCounts,
    DatabaseFootprint footprint,
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
    String harnessError) {}
