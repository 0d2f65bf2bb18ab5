package dev.decaybench.runner.run;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TrialSettings;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.runner.engine.EvaluationRequest;
import dev.decaybench.runner.engine.TrialEvaluator;
import dev.decaybench.runner.engine.TrialTimeoutException;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.agent.Agent;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.run.repo.RepoSnapshots;
import dev.decaybench.runner.run.workspace.TrialWorkspace;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One trial on this machine: fresh git workspace, the agent, then the evaluator (its own
 * sandbox and PostgreSQL). Everything lands in {@code trials/<id>/}; {@code trial.json} is
 * written last, atomically, so a killed run leaves either a finished trial or one to redo.
 */
public final class LocalTrialRunner {

  private final Agent agent;
  private final EvaluationRunSpec spec;
  private final RepoSnapshots repos;
  private final TrialEvaluator evaluator = new TrialEvaluator();

  /** {@code repos} gives feature tasks their repository (greenfield tasks never ask). */
  public LocalTrialRunner(Agent agent, EvaluationRunSpec spec, RepoSnapshots repos) {
    this.agent = agent;
    this.spec = spec;
    this.repos = repos;
  }

  public static boolean isFinished(Path trialDir) {
    return Files.exists(trialDir.resolve("trial.json"));
  }

  public TrialJson run(PlannedTrial<TaskDefinition> trial, Path trialDir) throws InterruptedException {
    long start = System.currentTimeMillis();
    Path scratch = null;
    AgentOutcome outcome = null;
    try {
      Trees.deleteQuietly(trialDir);  // a half-written trial from a killed run starts over
      Files.createDirectories(trialDir);
      Path taskFile = trialDir.resolve("task.json");
      Json.mapper().writeValue(taskFile.toFile(), trial.task());
      scratch = Files.createTempDirectory(CacheDirs.scratch(), "decaybench-agent-");
      Path workspace = scratch.resolve("workspace");
      Path prompt = trialDir.resolve("prompt.md");
      TrialWorkspace.prepare(trial.task(), workspace, prompt, repos);
      Path patch = trialDir.resolve("patch.diff");
      outcome = AgentPhase.run(agent, trial.id(), trial.task(), trial.repeat(), workspace, prompt,
          trialDir.resolve("trajectory.txt"), patch, spec.getAgent());
      TrialResult result = evaluator.evaluate(request(workspace, trialDir, taskFile, patch));
      Long evalMs = result.timings() == null ? null : result.timings().total();
      return finish(trialDir, info(trial, TrialJson.EVALUATED, outcome, null, start, evalMs));
    } catch (TrialTimeoutException e) {
      return finish(trialDir, info(trial, TrialJson.TIMED_OUT, outcome, e.getMessage(), start, null));
    } catch (IOException | RuntimeException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      return finish(trialDir, info(trial, TrialJson.CRASHED, outcome, msg, start, null));
    } finally {
      Trees.deleteQuietly(scratch);
    }
  }

  private EvaluationRequest request(Path workspace, Path trialDir, Path taskFile, Path patch) {
    TrialSettings settings = TrialSettings.of(spec, Timeouts.DEFAULT_TRIAL_SECONDS);
    return EvaluationRequest.builder(workspace, trialDir, taskFile.toString()).patch(patch)
        .healthTimeoutMillis(settings.healthSeconds() * 1000L)
        .trialTimeoutMillis(settings.trialSeconds() * 1000L)
        .extendedSuite(settings.extendedSuite())
        .trajectory(trialDir.resolve("trajectory.txt")).build();
  }

  private TrialJson info(PlannedTrial<TaskDefinition> trial, String status, AgentOutcome outcome, String error, long start,
      Long evaluationMs) {
    return new TrialJson(trial.id(), trial.task().name(), trial.task().framework(), trial.task().level(),
        trial.task().constraints(), trial.repeat(), spec.getAgent().getType().value(), status, error,
        outcome == null ? null : Json.mapper().valueToTree(outcome), System.currentTimeMillis() - start,
        evaluationMs);
  }

  private static TrialJson finish(Path trialDir, TrialJson info) {
    try {
      Files.createDirectories(trialDir);
      Path tmp = trialDir.resolve("trial.json.tmp");
      Json.mapper().writeValue(tmp.toFile(), info);
      Files.move(tmp, trialDir.resolve("trial.json"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot record trial " + info.id() + " in " + trialDir
          + " (disk full?)", e);
    }
    return info;
  }
}
