package dev.decaybench.runner.engine;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.PhaseTimings;
import dev.decaybench.model.result.SandboxInfo;
import dev.decaybench.model.result.StartupInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import dev.decaybench.runner.classify.FailureClassifier;
import dev.decaybench.runner.classify.StrictPlusFinding;
import dev.decaybench.runner.classify.input.LogTail;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.postgres.DatabaseSettings;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.postgres.PostgresTemplate;
import dev.decaybench.runner.sandbox.SandboxEnvironment;
import dev.decaybench.runner.sandbox.SandboxFactory;
import dev.decaybench.runner.sandbox.TrialLimits;
import dev.decaybench.runner.sandbox.TrialSandbox;
import dev.decaybench.runner.sandbox.TrialScratch;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import dev.decaybench.runner.util.Background;
import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.util.Trees;
import dev.decaybench.runner.verify.PaperVerifiers;
import dev.decaybench.runner.verify.PatchFiles;
import dev.decaybench.runner.verify.SourceFiles;
import dev.decaybench.runner.verify.StrongerVerifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one evaluation engine: copies the app into a scratch workspace, sets it up in the trial's
 * sandbox, starts PostgreSQL and the app there, runs the suite and the verifiers from here (the
 * scorer never runs where the app can reach it), and writes result.json.
 * Local runs, the runner image and the operator all come through here.
 */
public final class TrialEvaluator {

  private final TrialResultAssembler assembler = new TrialResultAssembler();

  /** Evaluates and writes {@code result.json}; throws only when the harness itself failed. */
  public TrialResult evaluate(EvaluationRequest req) throws IOException {
    long t0 = System.currentTimeMillis();
    ScorerWarmUp.inBackground(req.extendedSuite());
    if (!Files.isDirectory(req.app())) {
      throw new HarnessException("app directory " + req.app() + " does not exist");
    }
    ScratchSweeper.sweepAbandonedInBackground(CacheDirs.scratch());
    Path scratchDir = ScratchSweeper.create(CacheDirs.scratch());
    try {
      TrialScratch scratch = TrialScratch.create(scratchDir);
      boolean external = req.externalPostgres() != null;
      PostgresBinaries binaries = external ? null : PostgresBinaries.resolve(req.pgBin());
      Path template = external ? null : PostgresTemplate.ensure(binaries);
      // the database's copy (the longest step before the app can start) goes on meanwhile
      try (DatabaseStart database = DatabaseStart.prepare(binaries, template, scratch.pgData(),
          req.externalPostgres())) {
        TaskDefinition task = req.overrides().applyTo(TaskLoader.load(req.task(), req.app()));
        Files.createDirectories(req.out());
        Path out = req.out().toAbsolutePath();
        Trees.copy(req.app().toAbsolutePath(), scratch.workspace(), Set.of());
        try (TrialSandbox sandbox = SandboxFactory.open(req.sandbox(), scratch, task.port(),
            TrialLimits.fromEnvironment(), hiddenFromTrial(req, out), req.appChannel())) {
          database.launchIn(sandbox);
          TrialDeadline deadline = TrialDeadline.start(sandbox, req.trialTimeoutMillis());
          try {
            return evaluateIn(sandbox, scratch, task, req, out, database, binaries, t0);
          } finally {
            database.close(); // before the sandbox goes: the server is stopped, not killed
            deadline.cancel();
            if (deadline.passed()) {
              throw new TrialTimeoutException(req.trialTimeoutMillis() / 1000);
            }
          }
        }
      }
    } finally {
      Trees.deleteQuietly(scratchDir);
    }
  }

  private TrialResult evaluateIn(TrialSandbox sandbox, TrialScratch scratch, TaskDefinition task,
      EvaluationRequest req, Path out, DatabaseStart database, PostgresBinaries binaries, long t0)
      throws IOException {
    long sandboxMs = System.currentTimeMillis() - t0;
    Map<String, String> own = task.env() == null ? Map.of() : task.env();
    Map<String, String> appEnv = new LinkedHashMap<>(own);
    appEnv.putAll(appEnvironment(sandbox, req.externalPostgres()));  // decaybench's variables win
    Map<String, String> env = SandboxEnvironment.of(scratch.home().toString(), appEnv);
    TrialSpec spec = new TrialSpec(scratch.workspace(), out, task.runCommand(), task.baseUrl(),
        task.healthcheckEndpoint(), env, req.healthTimeoutMillis(), req.requestTimeoutMillis(),
        req.extendedSuite());
    long ts = System.currentTimeMillis();
    List<StartupInfo.CommandOutcome> setup = new SetupRunner().run(sandbox, task.setupCmds(),
        SandboxEnvironment.of(scratch.home().toString(), own), out.resolve("setup.log"));
    long setupMs = System.currentTimeMillis() - ts;
    // Sources as they were before the app ran: an app that rewrites itself cannot fool the checks.
    SourceFiles sources = SourceFiles.of(scratch.workspace());
    // the paper's verifiers read only the input (never writable in a trial): they run meanwhile
    Background<List<VerifierResult>> paperChecks = Background.start("paper-verifiers",
        () -> new PaperVerifiers().verify(patchOf(req), task.constraints()));

    ServiceOutcome service = new ServicePhase().run(sandbox, spec, database);
    if (service.harnessError() != null) {
      throw new HarnessException("trial could not be evaluated: " + service.harnessError());
    }
    long tv = System.currentTimeMillis();
    List<VerifierResult> verifiers = new ArrayList<>(paperChecks.join());
    verifiers.addAll(new StrongerVerifiers().verify(sources, service.footprint(), task.constraints()));
    long verifyMs = paperChecks.millis() + System.currentTimeMillis() - tv;
    return finish(task, req, out, sandbox, binaries, service, verifiers, setup, new PhaseTimings(sandboxMs,
        service.postgresMs(), setupMs, service.startMs(), service.suiteMs(), verifyMs,
        System.currentTimeMillis() - t0));
  }

  private TrialResult finish(TaskDefinition task, EvaluationRequest req, Path out, TrialSandbox sandbox,
      PostgresBinaries binaries, ServiceOutcome service, List<VerifierResult> verifiers,
      List<StartupInfo.CommandOutcome> setup, PhaseTimings timings) throws IOException {
    SandboxInfo sandboxInfo = new SandboxInfo(sandbox.mode(), sandbox.note(), sandbox.appPort(),
        binaries == null ? "external:" + req.externalPostgres() : binaries.version(),
        sandbox.limits(), service.limitsHit());
    TrialResult result = classify(assembler.assemble(task, service, verifiers, setup, sandboxInfo, timings),
        out, req.trajectory());
    Json.mapper().writeValue(out.resolve("result.json").toFile(), result);
    return result;
  }

  /** What the paper's verifiers read: the agent's diff, or every file of the app. */
  private static PatchFiles patchOf(EvaluationRequest req) throws IOException {
    return req.patch() != null
        ? PatchFiles.fromUnifiedDiff(Files.readString(req.patch()))
        : PatchFiles.fromDirectory(req.app());
  }

  /**
   * Places of this evaluation no trial process may see: where results go, the input app (the
   * sandbox hides decaybench's own cache and files anyway).
   */

  private static List<Path> hiddenFromTrial(EvaluationRequest req, Path out) throws IOException {
    List<Path> hidden = new ArrayList<>(List.of(out));
    if (out.getParent() != null) {
      hidden.add(out.getParent());
    }
    hidden.add(req.app().toAbsolutePath());
    return hidden;
  }

  /**
   * Names why a failed trial failed, from its result, the app's log and, when there is one, the
   * agent's trajectory (given, or trajectory.txt beside the result as a local run writes it).
   */
  private static TrialResult classify(TrialResult result, Path out, Path trajectory) {
    if (result.success()) {
      return StrictPlusFinding.apply(result);
    }
    TrialEvidence evidence = TrialEvidence.fromResult(result, LogTail.read(out.resolve("server.log")),
        LogTail.read(out.resolve("setup.log")));
    Path traj = trajectory != null ? trajectory : out.resolve("trajectory.txt");
    if (Files.exists(traj)) {
      evidence = evidence.withTrajectoryFile(traj);
    }
    return FailureClassifier.classified(result, evidence);
  }

  private static Map<String, String> appEnvironment(TrialSandbox sandbox, String external) {
    String host = external == null ? sandbox.postgresHost() : external.split(":")[0];
    int port = external == null ? sandbox.postgresPort()
        : Integer.parseInt(external.contains(":") ? external.split(":")[1] : "5432");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", Integer.toString(sandbox.appPort()));
    env.put("DB_HOST", host);
    env.put("DB_PORT", Integer.toString(port));
    env.put("DB_USER", DatabaseSettings.USER);
    env.put("DB_PASSWORD", DatabaseSettings.PASSWORD);
    env.put("DB_NAME", DatabaseSettings.DATABASE);
    env.put("DATABASE_URL", "postgresql://" + DatabaseSettings.USER + ":" + DatabaseSettings.PASSWORD
        + "@" + host + ":" + port + "/" + DatabaseSettings.DATABASE);
    return env;
  }

  /** Total assertions of the paper's suite, for callers that need it before a run. */
  public static int paperAssertionTotal() {
    return ConduitSuite.PAPER.expectedAssertions();
  }

  static AssertionCounts zero() {
    return new AssertionCounts(0, paperAssertionTotal(), paperAssertionTotal());
  }
}
