package dev.decaybench.runner.run.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.decaybench.model.manifest.ManifestReader;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.engine.TestApps;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.Progress;
import dev.decaybench.runner.run.RunExecutor;
import dev.decaybench.runner.run.RunReports;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run as {@code decaybench run -f} executes it (plan, agent, evaluation, trial.json), on the
 * two built-in tasks whose reference apps score 290/290, and what it left behind.
 */
final class TrialRuns {

  static final String FLASK_TASK = TestApps.FLASK_TASK;
  static final String EXPRESS_TASK = TestApps.EXPRESS_TASK;

  private final Path out;
  private final EvaluationRun run;

  private TrialRuns(Path out, EvaluationRun run) {
    this.out = out;
    this.run = run;
  }

  /** Runs {@code agentYaml} (the lines under spec.agent) on the tasks, two trials at a time. */
  static TrialRuns run(Path dir, String agentYaml, List<String> tasks, RunExecutor.AgentSource agents)
      throws Exception {
    EvaluationRun run = ManifestReader.readValid("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata:
          name: agent-e2e
        spec:
          agent:
        %s
          tasks:
            names: [%s]
          repeats: 1
          parallelism: 2
          timeouts:
            healthSeconds: 30
        """.formatted(agentYaml.indent(4).stripTrailing(), String.join(", ", tasks)), "e2e");
    Path out = dir.resolve("run");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    RunExecutor executor = agents == null ? new RunExecutor(run, dir, out, 2, false)
        : new RunExecutor(run, dir, out, 2, false, agents);
    RunExecutor.Outcome outcome = executor.execute(total -> new Progress(sink, false, total));
    assertThat(outcome.executed()).isEqualTo(tasks.size());
    assertThat(outcome.crashed()).as("no trial may crash: the harness must evaluate every one").isZero();
    return new TrialRuns(out, run);
  }

  static String llmAgent(ConduitModelServer model, String extra) {
    // the key variable the reference names is unset: the agent falls back to DECAYBENCH_API_KEY
    return "type: llm\nmodel: scripted-conduit-model\nendpoint: " + model.endpoint()
        + "\napiKeySecretRef: {name: llm-credentials, key: apiKey}\n" + extra;
  }

  /** Writes the run's reports as {@code decaybench run} does at its end; returns the run directory. */
  Path writeReports() throws IOException {
    RunReports.write(out, run, Instant.now());
    return out;
  }

  Path trial(String task) {
    return out.resolve("trials").resolve(task + "__r0");
  }

  TrialResult result(String task) throws IOException {
    Path file = trial(task).resolve("result.json");
    assertThat(schemaProblems(file)).as("result.json follows the published schema").isEmpty();
    return Json.mapper().readValue(file.toFile(), TrialResult.class);
  }

  /** The agent's outcome as trial.json records it. */
  static AgentOutcome outcome(TrialJson info) {
    try {
      return Json.mapper().treeToValue(info.agentOutcome(), AgentOutcome.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  TrialJson info(String task) throws IOException {
    return Json.mapper().readValue(trial(task).resolve("trial.json").toFile(), TrialJson.class);
  }

  String file(String task, String name) throws IOException {
    return Files.readString(trial(task).resolve(name));
  }

  /** What a scripted model that writes the whole app must get: everything passes. */
  void assertFullMarks(String task) throws IOException {
    TrialResult r = result(task);
    assertThat(r.assertions().passed()).as(task + ": " + r.failure()).isEqualTo(290);
    assertThat(r.assertions().total()).isEqualTo(290);
    assertThat(r.aPct()).isEqualTo(100.0);
    assertThat(r.success()).isTrue();
    assertThat(r.startup().setup()).anySatisfy(c -> {
      assertThat(c.command()).isEqualTo("chmod +x run.sh");
      assertThat(c.exitCode()).isZero();
    });
    // Python tasks record where their packages came from (surefire pins "system"); Node tasks do not
    assertThat(r.startup().pythonPackages()).isEqualTo(task.startsWith("flask") ? "system" : null);
    // the agent left run.sh without the execute bit, as models do: set-up made it executable
    assertThat(file(task, "patch.diff")).contains("diff --git a/run.sh b/run.sh\nnew file mode 100644");
  }

  private static List<String> schemaProblems(Path resultJson) throws IOException {
    try (InputStream schema = TrialRuns.class.getResourceAsStream("/schema/result.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
          .validate(new ObjectMapper().readTree(resultJson.toFile())).stream()
          .map(ValidationMessage::getMessage).toList();
    }
  }
}
