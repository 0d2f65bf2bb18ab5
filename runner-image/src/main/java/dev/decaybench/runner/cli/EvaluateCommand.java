package dev.decaybench.runner.cli;

import dev.decaybench.model.plan.TrialSettings;
import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.engine.EvaluationRequest;
import dev.decaybench.runner.sandbox.AppChannel;
import dev.decaybench.runner.engine.TrialEvaluator;
import dev.decaybench.runner.engine.TrialTimeoutException;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code decaybench evaluate}: score one app like the paper and write result.json. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Scores one Conduit service: fresh PostgreSQL, the app, the paper's",
        "290-assertion suite and the constraint verifiers, in a sandbox of its own.",
        "Writes result.json, server.log (the app's output up to the end of the paper's",
        "suite), server-extended.log (its output during the extended suite), setup.log",
        "and the Cucumber reports to --out.",
        "",
        "Without --task the app is a custom task:",
        "  port      3000 if the app has a package.json (Node), else 8080 (Python);",
        "            the app is also told its port in PORT",
        "  set-up    npm install --no-audit --no-fund --prefer-offline for Node,",
        "            no install for Python; then chmod +x run.sh",
        "  run       ./run.sh, in the foreground",
        "  checks    no constraints (give --constraints); health GET /api/health-check",
        "--setup, --run and --port replace these defaults, and a task's own.",
        "",
        "Set-up commands run with bash in a copy of the app, with network access,",
        "before the sandbox starts. A set-up command that fails is printed with its",
        "exit code and the end of its output; the app is still scored, but the trial",
        "is not a success.",
        "",
        "Exit codes: 0 the evaluation worked, whatever the score; 2 a bad option or a",
        "task that cannot be read; 3 a harness error; 124 the trial's time ran out.",
        ""})
public final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--app", required = true, paramLabel = "DIR",
      description = "The app to score (copied; never modified).")
  Path app;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where results go.")
  Path out;

  @Option(names = "--task", paramLabel = "FILE|NAME",
      description = "Task JSON in the paper's format, or a task name such as "
          + "flask-openapi-clean_architecture-postgres-sqlalchemy.")
  String task;

  @Option(names = "--constraints", split = ",", paramLabel = "LIST",
      description = "Constraints to verify (overrides the task's): clean_architecture, postgres, "
          + "sqlite, sqlalchemy, sequelize.")
  List<String> constraints;

  @Option(names = "--setup", paramLabel = "CMD",
      description = "A set-up command, run with bash in the app's copy before the app starts "
          + "(repeatable, in order; replaces the task's; --setup '' runs none).")
  List<String> setup;

  @Option(names = "--run", paramLabel = "CMD",
      description = "The command that starts the app in the foreground (default: the task's, else ./run.sh).")
  String run;

  @Option(names = "--port", paramLabel = "N",
      description = "The port the app listens on (default: the task's, else 3000 for Node, 8080 otherwise).")
  Integer port;

  @Option(names = "--pg-bin", paramLabel = "DIR",
      description = "PostgreSQL bin directory to use instead of the embedded binaries.")
  Path pgBin;

  @Option(names = "--patch", paramLabel = "FILE",
      description = "The agent's unified diff; the verifiers read its added lines "
          + "(default: every source file of the app).")
  Path patch;

  @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
      description = "auto or namespaces (the trial's own namespaces, uid and limits; an error when they"
          + " cannot be built here), none (NO isolation: the app runs with your rights; alias ports),"
          + " pod (the evaluate container of a trial pod: set-up and app run in its app container). Default: ${DEFAULT-VALUE}.")
  String sandbox;

  @Option(names = "--health-timeout", defaultValue = "" + TrialSettings.DEFAULT_HEALTH_SECONDS,
      paramLabel = "SECONDS",
      description = "How long to wait for the health check. Default: ${DEFAULT-VALUE}.")
  long healthTimeoutSeconds;

  @Option(names = "--request-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Time-out per suite request (the paper's Newman runs use 10). Default: ${DEFAULT-VALUE}.")
  long requestTimeoutSeconds;

  @Option(names = "--external-postgres", paramLabel = "HOST:PORT",
      description = "Use (and reset) a PostgreSQL that is already running, e.g. a pod's sidecar "
          + "postgres:5432, instead of starting one.")
  String externalPostgres;

  @Option(names = "--app-control", paramLabel = "DIR",
      description = "With --sandbox pod: where to write requests for the pod's app container.")
  Path appControl;

  @Option(names = "--app-output", paramLabel = "DIR",
      description = "With --sandbox pod: where the app container writes their output.")
  Path appOutput;

  @Option(names = "--termination-message", paramLabel = "FILE",
      description = "Also write a compact result (under 4 KiB) here, e.g. /dev/termination-log in a pod.")
  Path terminationMessage;

  @Option(names = "--agent-outcome", paramLabel = "FILE",
      description = "agent.json of 'decaybench agent': its tokens, calls and steps go into the compact result.")
  Path agentOutcome;

  @Option(names = "--usage-file", paramLabel = "FILE",
      description = "The usage file an agent image may write (DECAYBENCH_USAGE_FILE), read when"
          + " --agent-outcome is absent or has no usage.")
  Path usageFile;

  @Option(names = "--trajectory", paramLabel = "FILE",
      description = "The agent's trajectory, read by the failure classifier (default: trajectory.txt in --out).")
  Path trajectory;

  @Option(names = "--no-extended", negatable = false,
      description = "Skip decaybench's extended suite (the paper's numbers are the same either way).")
  boolean noExtended;

  @Option(names = "--timeout", defaultValue = "1200", paramLabel = "SECONDS",
      description = "Time limit for the whole trial. Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds;

  @Option(names = "--deadline-file", paramLabel = "FILE",
      description = "A file with the instant the whole trial must end by (written by prepare"
          + " --deadline-file): the evaluation gets what is left of it, at most --timeout.")
  Path deadlineFile;

  /** Exit code when the trial's time ran out (timeout(1)'s): the operator reads it as TimedOut. */
  public static final int TIMED_OUT = 124;

  @Override
  public Integer call() throws Exception {
    if (constraints != null) {
      for (String c : constraints) {
        if (!TaskDefinition.KNOWN_CONSTRAINTS.contains(c)) {
          throw new ParameterException(spec.commandLine(), "unknown constraint '" + c
              + "' (known: " + String.join(", ", TaskDefinition.KNOWN_CONSTRAINTS) + ")");
        }
      }
    }
    if (port != null && (port < 1 || port > 65535)) {
      throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, not " + port);
    }
    if (run != null && run.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--run needs a command");
    }
    List<String> setupCmds = setup == null ? null : setup.stream().filter(c -> !c.isBlank()).toList();
    TaskOverrides overrides = new TaskOverrides(constraints, setupCmds, run, port);
    long timeoutMillis = timeoutSeconds * 1000;
    if (deadlineFile != null) {
      timeoutMillis = Math.min(timeoutMillis, TrialDeadlineFile.millisLeft(deadlineFile));
      if (timeoutMillis <= 0) {
        spec.commandLine().getErr().println("decaybench evaluate: the trial's time ran out"
            + " before the evaluation (" + TrialDeadlineFile.read(deadlineFile) + ")");
        return TIMED_OUT;
      }
    }
    EvaluationRequest request = EvaluationRequest.builder(app, out, task).overrides(overrides)
        .pgBin(pgBin).sandbox(sandbox).patch(patch)
        .healthTimeoutMillis(healthTimeoutSeconds * 1000)
        .requestTimeoutMillis(requestTimeoutSeconds * 1000).trialTimeoutMillis(timeoutMillis)
        .extendedSuite(!noExtended).externalPostgres(externalPostgres).trajectory(trajectory)
        .appChannel(appControl == null || appOutput == null ? null
            : new AppChannel(appControl, appOutput))
        .build();
    TrialResult r;
    try {
      r = new TrialEvaluator().evaluate(request);
    } catch (TrialTimeoutException e) {
      spec.commandLine().getErr().println("decaybench evaluate: " + e.getMessage());
      return TIMED_OUT;
    }
    if (terminationMessage != null) {
      java.nio.file.Files.writeString(terminationMessage,
          CompactResult.of(r).withUsage(PodAgentUsage.read(agentOutcome, usageFile)).toJson());
    }
    spec.commandLine().getOut().println(EvaluationSummary.of(r, out));
    return 0;
  }
}
