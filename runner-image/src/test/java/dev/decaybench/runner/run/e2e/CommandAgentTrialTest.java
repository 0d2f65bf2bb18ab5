package dev.decaybench.runner.run.e2e;

import static dev.decaybench.runner.run.e2e.TrialRuns.EXPRESS_TASK;
import static dev.decaybench.runner.run.e2e.TrialRuns.FLASK_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.e2e.ConduitModelServer.Style;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code command} agent: a small agent CLI of our own (src/test/resources/e2e/mini-agent-cli.py)
 * that talks to the scripted model with the settings decaybench passes it and writes the app
 * with plain file writes (mode 644), as agent CLIs do.
 */
class CommandAgentTrialTest {

  static final Path CLI = Path.of("src/test/resources/e2e/mini-agent-cli.py").toAbsolutePath();

  @TempDir
  Path tmp;

  @Test
  void anAgentCliThatWritesTheAppScoresFullMarksForFlaskAndExpress() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE)) {
      String agent = """
          type: command
          command: [python3, "%s", "{prompt}"]
          model: scripted-conduit-model
          endpoint: %s
          apiKeySecretRef: {name: llm-credentials, key: apiKey}
          """.formatted(CLI, model.endpoint());
      TrialRuns runs = TrialRuns.run(tmp, agent, List.of(FLASK_TASK, EXPRESS_TASK), null);

      for (AppFiles app : List.of(AppFiles.FLASK, AppFiles.EXPRESS)) {
        String task = app == AppFiles.FLASK ? FLASK_TASK : EXPRESS_TASK;
        runs.assertFullMarks(task);
        TrialJson info = runs.info(task);
        assertThat(TrialRuns.outcome(info).finished()).isTrue();
        assertThat(TrialRuns.outcome(info).exitCode()).isZero();
        // the CLI reports the scripted 1000 + 500 tokens per reply through DECAYBENCH_USAGE_FILE
        int steps = ConduitModelServer.steps(app);
        assertThat(TrialRuns.outcome(info).usage().llmCalls()).isEqualTo(steps);
        assertThat(TrialRuns.outcome(info).usage().promptTokens()).isEqualTo(1000L * steps);
        assertThat(TrialRuns.outcome(info).usage().completionTokens()).isEqualTo(500L * steps);
        assertThat(runs.file(task, "trajectory.txt"))
            .contains("step 1: write_file run.sh -> wrote " + app.files().get(0).content().length() + " bytes to run.sh")
            .contains(ConduitModelServer.TRY_START, "exit code 126", "Permission denied")
            .contains("finish: wrote the " + app.framework() + " app")
            .doesNotContain(LlmAgentTrialTest.KEY);
        assertThat(model.calls(app.framework())).hasSize(ConduitModelServer.steps(app)).allSatisfy(c -> {
          assertThat(c.authorization()).isEqualTo("Bearer " + LlmAgentTrialTest.KEY);
          assertThat(c.body().path("model").asText()).isEqualTo("scripted-conduit-model");
        });
      }
    }
  }
}
