package dev.decaybench.runner.engine;

import dev.decaybench.api.result.AssertionCounts;
import dev.decaybench.api.result.PhaseTimings;
import dev.decaybench.api.result.SandboxInfo;
import dev.decaybench.api.result.StartupInfo;
import dev.decaybench.api.result.TrialResult;
import dev.decaybench.api.result.VerifierResult;
import dev.decaybench.runner.task.TaskDefinition;
import java.util.List;

/** Turns what the phases measured into the scores: A%, strict A% and success, as the paper defines them. */
final class TrialResultAssembler {

  TrialResult assemble(TaskDefinition task, PodOutcome pod, List<VerifierResult> verifiers,
      List<StartupInfo.CommandOutcome> setup, SandboxInfo sandbox, PhaseTimings timings) {
    AssertionCounts counts = pod.counts() == null ? TrialEvaluator.zero() : pod.counts();
    double aPct = counts.percent();
    List<VerifierResult> paper = verifiers.stream()
        .filter(v -> VerifierResult.PAPER.equals(v.source())).toList();
    boolean paperPass = TrialResult.allVerifiersPass(paper);
    double strict = paperPass ? aPct : 0.0;
    boolean success = counts.failed() == 0 && counts.total() > 0 && TrialResult.allVerifiersPass(verifiers);
    StartupInfo startup = new StartupInfo(setup, task.runCommand(), pod.appExitCode(),
        pod.healthVerdict(), pod.healthWaitMs(), pod.logBytes(), pod.logTruncated());
    return new TrialResult(TrialResult.SCHEMA_VERSION, task.name(), task.constraints(), counts,
        aPct, strict, success, pod.healthy(), null, null, sandbox, startup, pod.requests(), verifiers,
        timings, pod.serverLogTail());
  }
}
