package dev.decaybench.runner.engine;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.ExtendedResult;
import dev.decaybench.model.result.PhaseTimings;
import dev.decaybench.model.result.SandboxInfo;
import dev.decaybench.model.result.StartupInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import dev.decaybench.runner.task.TaskDefinition;
import java.util.List;

/** Turns what the phases measured into the scores: A%, strict A% and success, as the paper defines them. */
final class TrialResultAssembler {

  TrialResult assemble(TaskDefinition task, ServiceOutcome pod, List<VerifierResult> verifiers,
      List<StartupInfo.CommandOutcome> setup, SandboxInfo sandbox, PhaseTimings timings) {
    AssertionCounts counts = pod.counts() == null ? TrialEvaluator.zero() : pod.counts();
    double aPct = counts.percent();
    List<VerifierResult> paper = verifiers.stream()
        .filter(v -> VerifierResult.PAPER.equals(v.source())).toList();
    boolean paperPass = TrialResult.allVerifiersPass(paper);
    double strict = paperPass ? aPct : 0.0;
    double strictPlus = TrialResult.allVerifiersPass(verifiers) ? aPct : 0.0;
    StartupInfo startup = new StartupInfo(setup, task.runCommand(), pod.appExitCode(),
        pod.healthVerdict(), pod.healthWaitMs(), pod.logBytes(), pod.logTruncated(),
        task.pythonPackages(), pod.gaveUp());
    // the paper's definition (all assertions, all paper verifiers) for an app that was set up as
    // the task says; an app that runs despite a failed set-up is scored but is no success
    boolean success = startup.setupSucceeded() && counts.failed() == 0 && counts.total() > 0 && paperPass;
    ExtendedResult extended = pod.extendedCounts() == null ? null
        : new ExtendedResult(pod.extendedCounts().passed(), pod.extendedCounts().total(), pod.extendedRequests());
    return TrialResult.builder(task.name()).constraints(task.constraints()).assertions(counts)
        .aPct(aPct).strictAPct(strict).strictAPctPlus(strictPlus).extended(extended)
        .success(success).healthy(pod.healthy()).sandbox(sandbox).startup(startup)
        .requests(pod.requests()).verifiers(verifiers).timings(timings)
        .serverLogTail(pod.serverLogTail())
        .writeChecks(pod.writeChecks().isEmpty() ? null : pod.writeChecks()).build();
  }
}
