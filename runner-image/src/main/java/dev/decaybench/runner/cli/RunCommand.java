package dev.decaybench.runner.cli;

import dev.decaybench.model.manifest.ManifestException;
import dev.decaybench.model.manifest.ManifestReader;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.run.Progress;
import dev.decaybench.runner.run.RunExecutor;
import dev.decaybench.runner.run.RunReports;
import dev.decaybench.runner.run.AgentFactory;
import dev.decaybench.runner.run.repo.RepoDirectories;
import dev.decaybench.runner.sandbox.SandboxFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decaybench run -f FILE.yaml}: a whole evaluation run on this machine. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs an EvaluationRun manifest (the same YAML you would kubectl apply) as local",
        "sandboxed trials, each with its own PostgreSQL, then writes run.json, global_stats.csv,",
        "report.md and report.html into --out."})
public final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The run manifest.")
  Path file;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<run name>).")
  Path out;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Trials at once (default: spec.parallelism, else the number of cores).")
  Integer parallel;

  @Option(names = "--resume", description = "Continue a run in --out: finished trials are kept.")
  boolean resume;

  @Option(names = "--repo-dir", paramLabel = "NAME=DIR",
      description = {"Feature tasks: use DIR (a git repository or a plain directory) for the",
          "repository with this URL or short name instead of fetching it (repeatable)."})
  List<String> repoDirs;

  @Override
  public Integer call() throws Exception {
    EvaluationRun run;
    try {
      // an absent spec.parallelism means the number of cores here (the CRD default 2 is the cluster's)
      run = ManifestReader.readValidLocal(file, Runtime.getRuntime().availableProcessors());
    } catch (ManifestException e) {
      spec.commandLine().getErr().println("decaybench: " + e.getMessage());
      return 2;
    }
    Path outDir = out != null ? out : Path.of("runs", run.getMetadata().getName());
    int n = parallel != null ? parallel : run.getSpec().getParallelism();
    if (n < 1) {
      spec.commandLine().getErr().println("decaybench: --parallel must be at least 1");
      return 2;
    }
    RepoDirectories dirs;
    try {
      dirs = RepoDirectories.parse(repoDirs, Path.of(""));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("decaybench: " + e.getMessage());
      return 2;
    }
    // every local trial runs in the sandbox: say once, before any trial, when it cannot be built
    String noSandbox = SandboxFactory.namespacesProblem();
    if (noSandbox != null) {
      spec.commandLine().getErr().println("decaybench: the trial sandbox cannot be built here: "
          + noSandbox + ". Run as root with bubblewrap, socat and util-linux installed"
          + " (README set-up command 1), or use the cluster.");
      return 3;
    }
    boolean terminal = System.console() != null;
    java.time.Instant started = java.time.Instant.now();
    RunExecutor.Outcome outcome = new RunExecutor(run, file.toAbsolutePath().getParent(), outDir, n, resume,
        AgentFactory::create, dirs).execute(total -> new Progress(System.out, terminal, total));
    Path report = RunReports.write(outDir, run, started);
    System.out.printf("%d trials planned, %d run, %d kept from before, %d crashed%s%n",
        outcome.planned(), outcome.executed(), outcome.skipped(), outcome.crashed(),
        outcome.cancelled() ? " (interrupted: run again with --resume)" : "");
    System.out.println("report: " + report);
    return 0;
  }
}
