package dev.decaybench.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.manifest.ManifestReader;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {

  @TempDir
  Path tmp;

  private static EvaluationRun manifest(String agent, String names, int repeats) throws Exception {
    return ManifestReader.readValid("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata:
          name: test-run
        spec:
          agent:
        %s
          tasks:
            names: [%s]
          repeats: %d
          parallelism: 2
          timeouts:
            healthSeconds: 20
        """.formatted(agent.indent(4).stripTrailing(), names, repeats), "test");
  }

  private RunExecutor.Outcome execute(EvaluationRun run, Path out, boolean resume) throws Exception {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    return new RunExecutor(run, tmp, out, 2, resume).execute(total -> new Progress(sink, false, total));
  }

  private static TrialResult result(Path out, String id) throws Exception {
    return Json.mapper().readValue(out.resolve("trials").resolve(id).resolve("result.json").toFile(),
        TrialResult.class);
  }

  @Test
  void referenceAgentScoresEveryTrialAndResumeKeepsFinishedOnes() throws Exception {
    EvaluationRun run = manifest("type: reference",
        "flask-openapi-clean_architecture-postgres-sqlalchemy, flask-openapi-sqlite-sqlalchemy", 1);
    Path out = tmp.resolve("out");

    RunExecutor.Outcome first = execute(run, out, false);

    assertThat(first.executed()).isEqualTo(2);
    assertThat(first.crashed()).isZero();
    TrialResult pg = result(out, "flask-openapi-clean_architecture-postgres-sqlalchemy__r0");
    TrialResult sqlite = result(out, "flask-openapi-sqlite-sqlalchemy__r0");
    assertThat(pg.success()).isTrue();
    assertThat(sqlite.success()).as("the SQLite variant of the reference passes the sqlite checks").isTrue();
    assertThat(sqlite.verifiers()).allSatisfy(v -> assertThat(v.passed()).as(v.name() + ": " + v.reason()).isTrue());
    assertThat(sqlite.verifiers()).extracting(VerifierResult::name).contains("database_runtime");
    Path trial = out.resolve("trials/flask-openapi-sqlite-sqlalchemy__r0");
    assertThat(Files.readString(trial.resolve("patch.diff"))).contains("+++ b/run.sh").doesNotContain("psycopg2");
    assertThat(trial.resolve("prompt.md")).content().contains("## Database (required): SQLite");

    RunExecutor.Outcome again = execute(run, out, true);
    assertThat(again.executed()).isZero();
    assertThat(again.skipped()).isEqualTo(2);
  }

  @Test
  void aTrialOverItsTimeLimitIsRecordedAsTimedOutNotCrashed() throws Exception {
    EvaluationRun run = ManifestReader.readValid("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata:
          name: slow-run
        spec:
          agent:
            type: reference
          tasks:
            names: [flask-openapi-sqlite-sqlalchemy]
          repeats: 1
          timeouts:
            trialSeconds: 1
            healthSeconds: 1
        """, "test");
    Path out = tmp.resolve("out");

    RunExecutor.Outcome outcome = execute(run, out, false);

    assertThat(outcome.crashed()).isEqualTo(1); // not evaluated
    TrialJson info = Json.mapper().readValue(
        out.resolve("trials/flask-openapi-sqlite-sqlalchemy__r0/trial.json").toFile(), TrialJson.class);
    assertThat(info.status()).isEqualTo(TrialJson.TIMED_OUT);
    assertThat(info.error()).isEqualTo("trial exceeded its time limit of 1 s");
  }

  @Test
  void replayWithoutAStoredSolutionIsAnEvaluatedTrialNotASkippedOne() throws Exception {
    Files.createDirectories(tmp.resolve("stored"));
    EvaluationRun run = manifest("type: replay\nreplayFrom: stored", "flask-openapi-postgres", 1);
    Path out = tmp.resolve("out");

    RunExecutor.Outcome o = execute(run, out, false);

    assertThat(o.executed()).isEqualTo(1);
    TrialJson info = Json.mapper().readValue(
        out.resolve("trials/flask-openapi-postgres__r0/trial.json").toFile(), TrialJson.class);
    assertThat(info.status()).isEqualTo(TrialJson.EVALUATED);
    assertThat(Json.mapper().treeToValue(info.agentOutcome(), AgentOutcome.class).finished()).isFalse();
    assertThat(Json.mapper().treeToValue(info.agentOutcome(), AgentOutcome.class).note()).contains("no stored solution for flask-openapi-postgres__r0");
    TrialResult r = result(out, "flask-openapi-postgres__r0");
    assertThat(r.aPct()).isZero();
    assertThat(r.healthy()).isFalse();
  }

  @Test
  void aHalfWrittenTrialFromAKilledRunIsRedoneOnResume() throws Exception {
    EvaluationRun run = manifest("type: reference", "flask-openapi-unconstrained", 1);
    Path out = tmp.resolve("out");
    Path partial = Files.createDirectories(out.resolve("trials/flask-openapi-unconstrained__r0"));
    Files.writeString(partial.resolve("result.json"), "{ truncated");

    RunExecutor.Outcome o = execute(run, out, true);

    assertThat(o.executed()).isEqualTo(1);
    assertThat(result(out, "flask-openapi-unconstrained__r0").success()).isTrue();
  }

  @Test
  void anExistingRunIsNotOverwrittenWithoutResume() throws Exception {
    EvaluationRun run = manifest("type: reference", "flask-openapi-unconstrained", 1);
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("trials/something"));
    assertThatThrownBy(() -> execute(run, out, false)).hasMessageContaining("--resume");
  }

  @Test
  void commandAgentGetsThePromptAndKeyButTheTrajectoryNeverShowsTheKey() throws Exception {
    Path ref = Path.of("src/main/resources/reference-apps/flask-sqlalchemy-postgres").toAbsolutePath();
    // the app's directory is named in the command, so the confined agent may read it
    String cmd = "command: [bash, -c, 'echo \"prompt at $DECAYBENCH_PROMPT_FILE\"; echo \"key $DECAYBENCH_API_KEY\"; cp -r"
        + " \"$1\"/. .', agent, " + ref + "]";
    EvaluationRun run = manifest("type: command\n" + cmd, "flask-openapi-postgres", 1);
    Path out = tmp.resolve("out");

    execute(run, out, false);

    Path trial = out.resolve("trials/flask-openapi-postgres__r0");
    String trajectory = Files.readString(trial.resolve("trajectory.txt"));
    assertThat(trajectory).contains("prompt at ").contains("prompt.md");
    // surefire sets DECAYBENCH_API_KEY for the test JVM (runner-image/pom.xml)
    assertThat(trajectory).doesNotContain("sk-test-not-a-real-key").contains("key ***");
    assertThat(Files.readString(trial.resolve("result.json"))).doesNotContain("sk-test-not-a-real-key");
    assertThat(Files.readString(trial.resolve("server.log"))).doesNotContain("sk-test-not-a-real-key");
    assertThat(result(out, "flask-openapi-postgres__r0").success()).isTrue();
  }
}
