package dev.decaybench.runner.run.e2e;

import static dev.decaybench.runner.run.e2e.TrialRuns.EXPRESS_TASK;
import static dev.decaybench.runner.run.e2e.TrialRuns.FLASK_TASK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.agent.llm.ChatClient;
import dev.decaybench.runner.run.agent.llm.LlmAgent;
import dev.decaybench.runner.run.e2e.ConduitModelServer.Call;
import dev.decaybench.runner.run.e2e.ConduitModelServer.Style;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole trials whose agent does not get to the end: limits hit half-way and an endpoint that
 * fails. The partial app is still evaluated and classified, and the trial says why it stopped.
 */
class AgentLimitsTrialTest {

  static final int HALF_WAY = 16;
  static final List<String> BOTH = List.of(FLASK_TASK, EXPRESS_TASK);

  @TempDir
  Path tmp;

  @Test
  void theStepLimitHalfWayLeavesAPartialAppThatIsEvaluatedAndClassified() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE)) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, "maxSteps: " + HALF_WAY), BOTH, null);

      for (String task : BOTH) {
        assertPartialAppEvaluated(runs, task, "step limit " + HALF_WAY + " reached", "step-limit");
      }
    }
  }

  @Test
  void theTimeLimitHalfWayLeavesAPartialAppThatIsEvaluatedAndClassified() throws Exception {
    // half-way through, the model thinks for longer than the agent may take; 12 s leaves the 16
    // quick steps before it room even on a loaded machine
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE).stallAtStep(HALF_WAY)) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, "timeoutSeconds: 12"), BOTH, null);

      for (String task : BOTH) {
        assertPartialAppEvaluated(runs, task, "agent stopped at its time limit of 12 s", "time-limit");
      }
    }
  }

  @Test
  void aRateLimitedCallIsRetriedAfterRetryAfterAndTheTrialStillScoresFullMarks() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE)
        .failFirst(429, Map.of("Retry-After", "1"), "Flask", "Express")) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, ""), BOTH, null);

      for (AppFiles app : List.of(AppFiles.FLASK, AppFiles.EXPRESS)) {
        String task = app == AppFiles.FLASK ? FLASK_TASK : EXPRESS_TASK;
        LlmAgentTrialTest.assertWholeAppWrittenAndScored(runs, model, task, app);
        List<Call> calls = model.calls(app.framework());
        assertThat(calls).hasSize(ConduitModelServer.steps(app) + 1);
        assertThat(calls.get(1).atMillis() - calls.get(0).atMillis()).as("waited Retry-After").isGreaterThanOrEqualTo(1000);
        assertThat(runs.file(task, "trajectory.txt"))
            .contains("retrying: HTTP 429: scripted failure 429; attempt 2 of 5 in 1.0 s");
      }
    }
  }

  @Test
  void anEndpointThatKeepsFailingIsRetriedWithBackOffThenAClearAgentFailure() throws Exception {
    List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    // three attempts, 200 ms base: the product's back-off, scaled down to keep the test short
    ChatClient.Settings settings = new ChatClient.Settings(Duration.ofSeconds(30), 3, Duration.ofMillis(200),
        Duration.ofSeconds(2), Duration.ofSeconds(5), ms -> {
          waits.add(ms);
          Thread.sleep(ms);
        });
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE).failAlways(500, "Flask", "Express")) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model, ""), BOTH,
          (spec, dir) -> new LlmAgent(null, settings));

      for (String task : BOTH) {
        TrialJson info = runs.info(task);
        assertThat(info.status()).as("an agent failure is an evaluated trial").isEqualTo(TrialJson.EVALUATED);
        assertThat(TrialRuns.outcome(info).finished()).isFalse();
        assertThat(TrialRuns.outcome(info).steps()).isZero();
        assertThat(TrialRuns.outcome(info).note()).isEqualTo("model call failed: gave up after 3 attempts at "
            + model.endpoint() + "/chat/completions; last: HTTP 500: scripted failure 500");
        assertThat(runs.file(task, "trajectory.txt")).contains(
            "retrying: HTTP 500: scripted failure 500; attempt 2 of 3 in 0.",
            "retrying: HTTP 500: scripted failure 500; attempt 3 of 3 in 0.");
        TrialResult r = runs.result(task);
        assertThat(r.aPct()).isZero();
        assertThat(r.healthy()).isFalse();
        assertThat(r.failure().coarse()).as("nothing was written").isEqualTo("premature_termination");
      }
      for (String framework : List.of("Flask", "Express")) {
        List<Call> calls = model.calls(framework);
        assertThat(calls).hasSize(3);
        // exponential back-off with jitter: 100-200 ms, then 200-400 ms
        assertThat(calls.get(1).atMillis() - calls.get(0).atMillis()).isGreaterThanOrEqualTo(100);
        assertThat(calls.get(2).atMillis() - calls.get(1).atMillis()).isGreaterThanOrEqualTo(200);
      }
      assertThat(waits).hasSize(4).allSatisfy(ms -> assertThat(ms).isBetween(100L, 400L));
    }
  }

  /**
   * The agent stopped after writing half the app; that half was evaluated and classified as
   * premature termination by the rule that reads the agent's note, not as a start-up failure.
   */
  private static void assertPartialAppEvaluated(TrialRuns runs, String task, String note, String rule)
      throws Exception {
    AppFiles app = task.equals(FLASK_TASK) ? AppFiles.FLASK : AppFiles.EXPRESS;
    TrialJson info = runs.info(task);
    assertThat(info.status()).isEqualTo(TrialJson.EVALUATED);
    assertThat(TrialRuns.outcome(info).finished()).isFalse();
    assertThat(TrialRuns.outcome(info).steps()).isEqualTo(HALF_WAY);
    assertThat(TrialRuns.outcome(info).note()).isEqualTo(note);
    assertThat(runs.file(task, "trajectory.txt")).contains("end: not finished after " + HALF_WAY + " step(s); " + note);
    String patch = runs.file(task, "patch.diff");
    for (int i = 0; i < app.files().size(); i++) {
      String added = "+++ b/" + app.files().get(i).path() + "\n";
      if (i < HALF_WAY) {
        assertThat(patch).contains(added);
      } else {
        assertThat(patch).doesNotContain(added);
      }
    }
    TrialResult r = runs.result(task);
    assertThat(r.assertions().total()).isEqualTo(290);
    assertThat(r.aPct()).isLessThan(100.0);
    assertThat(r.startup().setup()).extracting(c -> c.command()).contains("chmod +x run.sh");
    assertThat(r.failure().coarse()).isEqualTo("premature_termination");
    assertThat(r.failure().rule()).isEqualTo(rule);
  }
}
