package dev.decaybench.runner.cli;

import dev.decaybench.runner.run.workspace.TrialWorkspace;
import dev.decaybench.runner.task.TaskLoader;
import dev.decaybench.runner.run.repo.RepoDirectories;
import dev.decaybench.runner.run.repo.RepoSnapshots;
import dev.decaybench.runner.postgres.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code decaybench prepare}: the trial pod's first step (also usable by hand). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    description = "Writes a task's prompt and its git workspace (baseline commit) for an agent: empty, or for a"
        + " feature task the repository at its commit with the feature removed.")
public final class PrepareCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--task", required = true, paramLabel = "NAME|FILE")
  String task;

  @Option(names = "--workspace", required = true, paramLabel = "DIR")
  Path workspace;

  @Option(names = "--prompt", required = true, paramLabel = "FILE")
  Path prompt;

  @Option(names = "--repo-dir", paramLabel = "NAME=DIR",
      description = "Feature tasks: a local git repository or directory for this repository URL or short name.")
  List<String> repoDirs;

  @Option(names = "--deadline-file", paramLabel = "FILE",
      description = "Write the instant the trial must end by (now plus --trial-seconds) here, for"
          + " evaluate --deadline-file: the evaluation gets what the agent left of the time.")
  Path deadlineFile;

  @Option(names = "--trial-seconds", paramLabel = "N",
      description = "The whole trial's time limit (with --deadline-file).")
  Long trialSeconds;

  @Option(names = "--postgres-init", paramLabel = "DIR",
      description = "Write the PostgreSQL sidecar's initialisation script here (the app's role"
          + " without superuser, owner of conduit), for its /docker-entrypoint-initdb.d.")
  Path postgresInit;


  @Override
  public Integer call() throws Exception {
    RepoDirectories dirs;
    try {
      dirs = RepoDirectories.parse(repoDirs, Path.of(""));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if ((deadlineFile == null) != (trialSeconds == null)) {
      throw new ParameterException(spec.commandLine(),
          "--deadline-file and --trial-seconds go together");
    }
    if (deadlineFile != null) {
      TrialDeadlineFile.write(deadlineFile, Instant.now().plusSeconds(trialSeconds));
    }
    if (postgresInit != null) {
      Files.createDirectories(postgresInit);
      Files.writeString(postgresInit.resolve("10-decaybench-app-role.sql"),
          DatabaseSettings.sidecarInitSql());
    }
    TrialWorkspace.prepare(TaskLoader.load(task, null), workspace, prompt, RepoSnapshots.inCache(dirs));
    return 0;
  }
}
