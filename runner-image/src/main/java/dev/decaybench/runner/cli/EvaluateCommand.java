package dev.decaybench.runner.cli;

import dev.decaybench.api.result.CompactResult;
import dev.decaybench.api.result.TrialResult;
import dev.decaybench.api.result.VerifierResult;
import dev.decaybench.runner.engine.EvaluationRequest;
import dev.decaybench.runner.engine.TrialEvaluator;
import dev.decaybench.runner.run.PackageSourceRecord;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code decaybench evaluate}: score one app like the paper and write result.json. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Scores one Conduit service: fresh PostgreSQL, the app, the paper's 290-assertion",
        "suite and the constraint verifiers, in a sandbox of its own. Writes result.json, server.log",
        "and the Cucumber JSON / JUnit XML reports to --out.",
        "Exit code 0 whenever the evaluation worked, whatever the score; 3 on a harness error."})
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

  @Option(names = "--pg-bin", paramLabel = "DIR",
      description = "PostgreSQL bin directory to use instead of the embedded binaries.")
  Path pgBin;

  @Option(names = "--patch", paramLabel = "FILE",
      description = "The agent's unified diff; the verifiers read its added lines "
          + "(default: every source file of the app).")
  Path patch;

  @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
      description = "auto (namespaces when available, else ports), namespaces, ports, pod. Default: ${DEFAULT-VALUE}.")
  String sandbox;

  @Option(names = "--health-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "How long to wait for the health check. Default: ${DEFAULT-VALUE}.")
  long healthTimeoutSeconds;

  @Option(names = "--request-timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Time-out per suite request (the paper's Newman runs use 10). Default: ${DEFAULT-VALUE}.")
  long requestTimeoutSeconds;

  @Option(names = "--external-postgres", paramLabel = "HOST:PORT",
      description = "Use (and reset) a PostgreSQL that is already running, e.g. a pod's sidecar "
          + "postgres:5432, instead of starting one.")
  String externalPostgres;

  @Option(names = "--termination-message", paramLabel = "FILE",
      description = "Also write a compact result (under 4 KiB) here, e.g. /dev/termination-log in a pod.")
  Path terminationMessage;

  @Option(names = "--trajectory", paramLabel = "FILE",
      description = "The agent's trajectory, read by the failure classifier (default: trajectory.txt in --out).")
  Path trajectory;

  @Option(names = "--no-extended", negatable = false,
      description = "Skip decaybench's extended suite (the paper's numbers are the same either way).")
  boolean noExtended;

  @Option(names = "--timeout", defaultValue = "1200", paramLabel = "SECONDS",
      description = "Time limit for the whole trial. Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds;

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
    EvaluationRequest request = new EvaluationRequest(app, out, task, constraints, pgBin, sandbox,
        patch, healthTimeoutSeconds * 1000, requestTimeoutSeconds * 1000, timeoutSeconds * 1000,
        !noExtended, externalPostgres, trajectory);
    TrialResult r = PackageSourceRecord.record(new TrialEvaluator().evaluate(request),
        TaskLoader.load(task, app), out.resolve("result.json"));
    if (terminationMessage != null) {
      java.nio.file.Files.writeString(terminationMessage, CompactResult.of(r).toJson());
    }
    spec.commandLine().getOut().println(summary(r, out));
    return 0;
  }

  static String summary(TrialResult r, Path out) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%s  A%% %.2f (%d/%d)  strict A%% %.2f  %s  %s%n", r.task(), r.aPct(),
        r.assertions().passed(), r.assertions().total(), r.strictAPct(),
        r.healthy() ? "healthy" : "NOT HEALTHY (" + r.startup().healthCheck() + ")",
        r.success() ? "SUCCESS" : "failed"));
    if (r.extended() != null) {
      sb.append(String.format("  extended suite %d/%d  strict A%% plus %.2f%n", r.extended().passed(),
          r.extended().total(), r.strictAPctPlus()));
    }
    if (r.failure() != null) {
      sb.append(String.format("  failure %s%s (rule %s)%n", r.failure().coarse(),
          r.failure().subcategory() == null ? "" : " / " + r.failure().subcategory(), r.failure().rule()));
    }
    for (VerifierResult v : r.verifiers()) {
      sb.append(String.format("  verifier %-18s %s  %s%n", v.name(), v.passed() ? "pass" : "FAIL", v.reason()));
    }
    sb.append(String.format("  sandbox %s, %d ms total -> %s", r.sandbox().mode(), r.timings().total(),
        out.resolve("result.json")));
    return sb.toString();
  }
}
