package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.CompactResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three steps a trial pod runs — prepare, agent, evaluate — chained through one volume. */
class PodStepsTest {

  @TempDir
  Path volume;

  @Test
  void prepareAgentAndEvaluateHandOverThroughTheSharedVolume() throws Exception {
    String task = "flask-openapi-clean_architecture-postgres-sqlalchemy";
    Path app = volume.resolve("app");
    assertThat(DecaybenchCli.run("prepare", "--task", task, "--workspace", app.toString(),
        "--prompt", volume.resolve("prompt.md").toString())).isZero();
    assertThat(volume.resolve("prompt.md")).content().contains("Flask");

    assertThat(DecaybenchCli.run("agent", "--type", "reference", "--task", task,
        "--workspace", app.toString(), "--prompt", volume.resolve("prompt.md").toString(),
        "--trajectory", volume.resolve("trajectory.txt").toString())).isZero();
    assertThat(volume.resolve("patch.diff")).content().contains("+++ b/models/");
    assertThat(volume.resolve("agent.json")).content().contains("\"finished\" : true");

    Path termination = volume.resolve("termination-log");
    assertThat(DecaybenchCli.run("evaluate", "--app", app.toString(), "--out",
        volume.resolve("results").toString(), "--task", task, "--patch",
        volume.resolve("patch.diff").toString(), "--termination-message", termination.toString(),
        "--agent-outcome", volume.resolve("agent.json").toString()))
        .isZero();
    CompactResult r = CompactResult.parse(Files.readString(termination));
    assertThat(r.success()).isTrue();
    assertThat(r.usage()).as("the reference agent spends no tokens: unknown, not 0").isNull();
    assertThat(r.passed()).isEqualTo(290);
    assertThat(Files.size(termination)).isLessThan(CompactResult.LIMIT_BYTES);
  }

  @Test
  void evaluateGetsOnlyWhatTheAgentLeftOfTheTrialsTime() throws Exception {
    String task = "flask-openapi-unconstrained";
    Path app = volume.resolve("app");
    Path deadline = volume.resolve("deadline");
    java.time.Instant before = java.time.Instant.now();
    assertThat(DecaybenchCli.run("prepare", "--task", task, "--workspace", app.toString(),
        "--prompt", volume.resolve("prompt.md").toString(), "--deadline-file",
        deadline.toString(), "--trial-seconds", "1")).isZero();
    java.time.Instant end = java.time.Instant.parse(Files.readString(deadline).strip());
    // one second from when prepare ran (however long prepare itself took on a loaded machine)
    assertThat(end).isBetween(before.plusSeconds(1), java.time.Instant.now().plusSeconds(1));
    while (java.time.Instant.now().isBefore(end.plusMillis(100))) {
      Thread.sleep(50); // the agent used the whole second
    }

    Path termination = volume.resolve("termination-log");
    assertThat(DecaybenchCli.run("evaluate", "--app", app.toString(), "--out",
        volume.resolve("results").toString(), "--task", task, "--timeout", "600",
        "--deadline-file", deadline.toString(), "--termination-message",
        termination.toString())).isEqualTo(EvaluateCommand.TIMED_OUT);
    assertThat(termination).doesNotExist();
  }

  @Test
  void prepareWantsTheTrialsSecondsWithItsDeadlineFile() {
    assertThat(DecaybenchCli.run("prepare", "--task", "flask-openapi-unconstrained",
        "--workspace", volume.resolve("app").toString(), "--prompt",
        volume.resolve("prompt.md").toString(), "--deadline-file",
        volume.resolve("deadline").toString())).isEqualTo(DecaybenchCli.USAGE_ERROR);
  }

  @Test
  void aCommandAgentGetsItsArgumentsIntactFromTheOperatorsJson() throws Exception {
    String task = "flask-openapi-unconstrained";
    Path app = volume.resolve("app");
    assertThat(DecaybenchCli.run("prepare", "--task", task, "--workspace", app.toString(),
        "--prompt", volume.resolve("prompt.md").toString())).isZero();
    assertThat(DecaybenchCli.run("agent", "--type", "command", "--task", task,
        "--workspace", app.toString(), "--prompt", volume.resolve("prompt.md").toString(),
        "--trajectory", volume.resolve("trajectory.txt").toString(),
        "--command-json", "[\"bash\", \"-c\", \"echo 'two words' > note.txt\"]")).isZero();
    assertThat(app.resolve("note.txt")).hasContent("two words");
    assertThat(volume.resolve("patch.diff")).content().contains("+two words");
  }
}
