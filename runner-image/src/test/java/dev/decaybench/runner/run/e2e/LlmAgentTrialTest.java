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
 * The built-in llm agent driven through whole trials by a scripted model that writes a known-good
 * Flask app and a known-good Express app, the way models do: every path a model may take to write
 * files must end at 290/290, with run.sh left at mode 644 by the agent.
 */
class LlmAgentTrialTest {

  /** What surefire puts in DECAYBENCH_API_KEY (runner-image/pom.xml). */
  static final String KEY = "sk-test-not-a-real-key";

  @TempDir
  Path tmp;

  @Test
  void aModelWritingEachFileWithWriteFileScoresFullMarksForFlaskAndExpress() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE)) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, ""), List.of(FLASK_TASK, EXPRESS_TASK), null);

      assertWholeAppWrittenAndScored(runs, model, FLASK_TASK, AppFiles.FLASK);
      assertWholeAppWrittenAndScored(runs, model, EXPRESS_TASK, AppFiles.EXPRESS);
      assertThat(runs.file(FLASK_TASK, "trajectory.txt")).contains("-> write_file run.sh <<<",
          "wrote 197 bytes to run.sh (mode rw-r--r--, not executable: `./run.sh` is refused");
    }
  }

  @Test
  void aModelWritingEachFileThroughShellHeredocsScoresFullMarksForFlaskAndExpress() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.HEREDOC)) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, ""), List.of(FLASK_TASK, EXPRESS_TASK), null);

      assertWholeAppWrittenAndScored(runs, model, FLASK_TASK, AppFiles.FLASK);
      assertWholeAppWrittenAndScored(runs, model, EXPRESS_TASK, AppFiles.EXPRESS);
      assertThat(runs.file(EXPRESS_TASK, "trajectory.txt"))
          .contains("-> run_shell: mkdir -p 'src/routes' && cat > 'src/routes/users.js' <<'DECAYBENCH_EOF'")
          .contains("exit code 0, no output");
    }
  }

  @Test
  void aModelWithoutToolCallsWritesTheAppInFencedBashBlocksAndScoresFullMarks() throws Exception {
    // Flask: the model ignores the tools it is offered; Express: the endpoint refuses them outright
    try (ConduitModelServer model = new ConduitModelServer(Style.FENCED).refuseToolsFor("Express")) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, ""), List.of(FLASK_TASK, EXPRESS_TASK), null);

      assertWholeAppWrittenAndScored(runs, model, FLASK_TASK, AppFiles.FLASK);
      assertWholeAppWrittenAndScored(runs, model, EXPRESS_TASK, AppFiles.EXPRESS);
      assertThat(runs.file(FLASK_TASK, "trajectory.txt")).contains("### output of the ```bash block")
          .doesNotContain("refused tool definitions");
      assertThat(runs.file(EXPRESS_TASK, "trajectory.txt")).contains("the endpoint refused tool definitions",
          "continuing with fenced ```bash blocks");
    }
  }

  /**
   * 290/290 for a trial whose agent wrote every file, tried ./run.sh in its own shell (refused:
   * mode 644, and the trajectory shows it), finished, and sent the key to the endpoint only.
   */
  static void assertWholeAppWrittenAndScored(TrialRuns runs, ConduitModelServer model, String task,
      AppFiles app) throws Exception {
    runs.assertFullMarks(task);
    TrialJson info = runs.info(task);
    assertThat(info.status()).isEqualTo(TrialJson.EVALUATED);
    assertThat(TrialRuns.outcome(info).finished()).as(String.valueOf(TrialRuns.outcome(info).note())).isTrue();
    assertThat(TrialRuns.outcome(info).note()).isNull();
    assertThat(TrialRuns.outcome(info).steps()).isEqualTo(ConduitModelServer.steps(app));
    // the scripted model reports 1000 prompt and 500 completion tokens per reply
    int steps = ConduitModelServer.steps(app);
    assertThat(TrialRuns.outcome(info).usage().llmCalls()).isEqualTo(steps);
    assertThat(TrialRuns.outcome(info).usage().promptTokens()).isEqualTo(1000L * steps);
    assertThat(TrialRuns.outcome(info).usage().completionTokens()).isEqualTo(500L * steps);
    assertThat(TrialRuns.outcome(info).usage().toolCalls()).containsEntry("finish", 1);
    assertThat(TrialRuns.outcome(info).agentMs()).isPositive();
    assertThat(info.evaluationMs()).isPositive();
    String patch = runs.file(task, "patch.diff");
    assertThat(app.files()).allSatisfy(f -> assertThat(patch).contains("+++ b/" + f.path() + "\n"));
    String trajectory = runs.file(task, "trajectory.txt");
    assertThat(trajectory).contains(ConduitModelServer.TRY_START, "exit code 126", "Permission denied",
        "end: finished after " + ConduitModelServer.steps(app) + " step(s)").doesNotContain(KEY);
    assertThat(model.calls()).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + KEY));
  }
}
