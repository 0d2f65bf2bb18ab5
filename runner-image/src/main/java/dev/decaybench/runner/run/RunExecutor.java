package dev.decaybench.runner.run;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.agent.Agent;
import dev.decaybench.runner.run.repo.RepoDirectories;
import dev.decaybench.runner.run.repo.RepoSnapshots;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Executes a whole run on this machine: plans the trials, runs up to {@code parallel} at once
 * (each in its own sandbox with its own PostgreSQL, so nothing clashes), skips finished ones on
 * resume, and on Ctrl-C stops every trial in flight while keeping the finished ones.
 */
public final class RunExecutor {

  /** What a finished (or interrupted) run did. */
  public record Outcome(int planned, int skipped, int executed, int crashed, boolean cancelled) {}

  /** Makes the run's agent from its spec: {@link AgentFactory#create} unless a caller knows better. */
  @FunctionalInterface
  public interface AgentSource {
    Agent create(AgentSpec spec, Path manifestDir);
  }

  private final EvaluationRun run;
  private final Path manifestDir;
  private final Path outDir;
  private final int parallel;
  private final boolean resume;
  private final AgentSource agents;
  private final RepoDirectories repoDirs;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public RunExecutor(EvaluationRun run, Path manifestDir, Path outDir, int parallel, boolean resume) {
    this(run, manifestDir, outDir, parallel, resume, AgentFactory::create);
  }

  /** With an agent made elsewhere (e.g. an llm agent with other retry settings). */
  public RunExecutor(EvaluationRun run, Path manifestDir, Path outDir, int parallel, boolean resume,
      AgentSource agents) {
    this(run, manifestDir, outDir, parallel, resume, agents, RepoDirectories.NONE);
  }

  /**
   * With local repositories for feature tasks ({@code --repo-dir}); they take precedence over the
   * manifest's {@code spec.tasks.repoDirectories}.
   */
  public RunExecutor(EvaluationRun run, Path manifestDir, Path outDir, int parallel, boolean resume,
      AgentSource agents, RepoDirectories repoDirs) {
    this.repoDirs = repoDirs;
    this.run = run;
    this.manifestDir = manifestDir;
    this.outDir = outDir;
    this.parallel = parallel;
    this.resume = resume;
    this.agents = agents;
  }

  public Outcome execute(Progress.Factory progressFactory) throws IOException, InterruptedException {
    List<PlannedTrial<TaskDefinition>> plan = LocalSuite.plan(run.getSpec(), manifestDir);
    Path trials = outDir.resolve("trials");
    if (!resume && Files.isDirectory(trials) && hasEntries(trials)) {
      throw new IllegalArgumentException("output directory " + outDir + " already holds a run: "
          + "use --resume to continue it or choose another --out");
    }
    Files.createDirectories(trials);
    Json.mapper().writeValue(outDir.resolve("manifest.json").toFile(), run);
    List<PlannedTrial<TaskDefinition>> todo = new ArrayList<>();
    for (PlannedTrial<TaskDefinition> t : plan) {
      if (!LocalTrialRunner.isFinished(trials.resolve(t.id()))) {
        todo.add(t);
      }
    }
    Progress progress = progressFactory.create(todo.size());
    var sel = run.getSpec().getTasks();
    RepoDirectories dirs = repoDirs.orElse(RepoDirectories.of(sel == null ? null : sel.getRepoDirectories(),
        manifestDir));
    LocalTrialRunner runner = new LocalTrialRunner(agents.create(run.getSpec().getAgent(), manifestDir),
        run.getSpec(), RepoSnapshots.inCache(dirs));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
    Thread onCtrlC = new Thread(() -> {
      cancelled.set(true);
      pool.shutdownNow();
      try {
        pool.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "decaybench-cancel");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    List<Future<TrialJson>> futures = new ArrayList<>();
    for (PlannedTrial<TaskDefinition> t : todo) {
      futures.add(pool.submit(() -> {
        if (cancelled.get()) {
          return null;
        }
        Path dir = trials.resolve(t.id());
        TrialJson info = runner.run(t, dir);
        progress.finished(info, score(dir));
        return info;
      }));
    }
    pool.shutdown();
    int crashed = 0;
    int executed = 0;
    for (Future<TrialJson> f : futures) {
      try {
        TrialJson info = f.get();
        if (info != null) {
          executed++;
          crashed += info.unscored() ? 1 : 0;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
        crashed++;
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(onCtrlC);
    } catch (IllegalStateException e) {
      // shutting down already
    }
    return new Outcome(plan.size(), plan.size() - todo.size(), executed, crashed, cancelled.get());
  }

  private static String score(Path trialDir) {
    try {
      TrialResult r = Json.mapper().readValue(trialDir.resolve("result.json").toFile(), TrialResult.class);
      return String.format("A%% %.1f strict %.1f%s%s", r.aPct(), r.strictAPct(), r.success() ? " success" : "",
          r.failure() == null ? "" : " [" + r.failure().coarse()
              + (r.failure().subcategory() == null ? "" : "/" + r.failure().subcategory()) + "]");
    } catch (IOException e) {
      return "no result";
    }
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }
}
