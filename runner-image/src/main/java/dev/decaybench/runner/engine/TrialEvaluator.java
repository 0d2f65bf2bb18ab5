package dev.decaybench.runner.engine;

import dev.decaybench.api.result.AssertionCounts;
import dev.decaybench.api.result.PhaseTimings;
import dev.decaybench.api.result.SandboxInfo;
import dev.decaybench.api.result.StartupInfo;
import dev.decaybench.api.result.TrialResult;
import dev.decaybench.api.result.VerifierResult;
import dev.decaybench.runner.classify.FailureClassifier;
import dev.decaybench.runner.classify.LogTail;
import dev.decaybench.runner.classify.TrialEvidence;
import dev.decaybench.runner.postgres.DatabaseSettings;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.postgres.PostgresTemplate;
import dev.decaybench.runner.sandbox.Sandbox;
import dev.decaybench.runner.sandbox.SandboxFactory;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Trees;
import dev.decaybench.runner.verify.PaperVerifiers;
import dev.decaybench.runner.verify.PatchFiles;
import dev.decaybench.runner.verify.SourceFiles;
import dev.decaybench.runner.verify.StrongerVerifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one evaluation engine: copies the app into a scratch workspace, sets it up, runs the pod
 * half in a sandbox (PostgreSQL, app, suite), runs the verifiers, and writes result.json.
 * Local runs, the runner image and the operator all come through here.
 */
public final class TrialEvaluator {

  private final TrialResultAssembler assembler = new TrialResultAssembler();

  /** Evaluates and writes {@code result.json}; throws only when the harness itself failed. */
  public TrialResult evaluate(EvaluationRequest req) throws IOException {
    long t0 = System.currentTimeMillis();
    if (!Files.isDirectory(req.app())) {
      throw new HarnessException("app directory " + req.app() + " does not exist");
    }
    TaskDefinition task = req.overrides().applyTo(TaskLoader.load(req.task(), req.app()));
    Files.createDirectories(req.out());
    Path out = req.out().toAbsolutePath();
    ScratchSweeper.sweepAbandoned(CacheDirs.scratch());
    Path scratch = Files.createTempDirectory(CacheDirs.scratch(), ScratchSweeper.PREFIX);
    ScratchSweeper.claim(scratch);
    // PostgreSQL runs as nobody when we are root: it must be able to reach its data directory.
    Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
    Path workspace = scratch.resolve("workspace");
    Path pgData = scratch.resolve("pgdata");
    try {
      Trees.copy(req.app().toAbsolutePath(), workspace, Set.of());
      Sandbox sandbox = SandboxFactory.choose(req.sandbox());
      boolean external = req.externalPostgres() != null;
      PostgresBinaries binaries = external ? null : PostgresBinaries.resolve(req.pgBin());
      Path template = external ? null : PostgresTemplate.ensure(binaries);
      long sandboxMs = System.currentTimeMillis() - t0;

      long ts = System.currentTimeMillis();
      List<StartupInfo.CommandOutcome> setup =
          new SetupRunner().run(task.setupCmds(), workspace, out.resolve("setup.log"));
      long setupMs = System.currentTimeMillis() - ts;

      int appPort = sandbox.appPort(task.port());
      TrialSpec spec = new TrialSpec(workspace.toString(), out.toString(), task.runCommand(),
          appPort, task.baseUrl(), task.healthcheckEndpoint(),
          appEnvironment(sandbox, appPort, req.externalPostgres()),
          external ? null : binaries.home().toString(), external ? null : binaries.version(),
          external ? null : template.toString(), pgData.toString(),
          sandbox.postgresPort(), req.healthTimeoutMillis(), req.requestTimeoutMillis(),
          req.extendedSuite(), req.externalPostgres());
      Path specFile = scratch.resolve("trial-spec.json");
      Json.mapper().writeValue(specFile.toFile(), spec);
      PodOutcome pod = sandbox.execute(spec, specFile, req.trialTimeoutMillis());
      if (pod.harnessError() != null) {
        throw new HarnessException("trial could not be evaluated: " + pod.harnessError());
      }

      long tv = System.currentTimeMillis();
      PatchFiles patch = req.patch() != null
          ? PatchFiles.fromUnifiedDiff(Files.readString(req.patch()))
          : PatchFiles.fromDirectory(req.app());
      List<VerifierResult> verifiers = new ArrayList<>(new PaperVerifiers().verify(patch, task.constraints()));
      verifiers.addAll(new StrongerVerifiers().verify(SourceFiles.of(workspace), pod.footprint(),
          task.constraints()));
      long verifyMs = System.currentTimeMillis() - tv;

      PhaseTimings timings = new PhaseTimings(sandboxMs, pod.postgresMs(), setupMs, pod.startMs(),
          pod.suiteMs(), verifyMs, System.currentTimeMillis() - t0);
      SandboxInfo sandboxInfo = new SandboxInfo(sandbox.mode(), sandbox.note(), appPort,
          external ? "external:" + req.externalPostgres() : binaries.version());
      TrialResult result = classify(assembler.assemble(task, pod, verifiers, setup, sandboxInfo, timings),
          out, req.trajectory());
      Json.mapper().writeValue(out.resolve("result.json").toFile(), result);
      return result;
    } finally {
      Trees.deleteQuietly(scratch);
    }
  }

  /**
   * Names why a failed trial failed, from its result, the app's log and, when there is one, the
   * agent's trajectory (given, or trajectory.txt beside the result as a local run writes it).
   */
  private static TrialResult classify(TrialResult result, Path out, Path trajectory) {
    if (result.success()) {
      return result;
    }
    TrialEvidence evidence = TrialEvidence.fromResult(result, LogTail.read(out.resolve("server.log")));
    Path traj = trajectory != null ? trajectory : out.resolve("trajectory.txt");
    if (Files.exists(traj)) {
      evidence = evidence.withTrajectoryFile(traj);
    }
    return result.withFailure(new FailureClassifier().classify(evidence));
  }

  private static Map<String, String> appEnvironment(Sandbox sandbox, int appPort, String external)
      throws IOException {
    String host = external == null ? sandbox.postgresHost() : external.split(":")[0];
    int port = external == null ? sandbox.postgresPort()
        : Integer.parseInt(external.contains(":") ? external.split(":")[1] : "5432");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PORT", Integer.toString(appPort));
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
