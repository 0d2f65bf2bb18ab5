package dev.decaybench.runner.run.e2e;

import static dev.decaybench.runner.run.e2e.TrialRuns.EXPRESS_TASK;
import static dev.decaybench.runner.run.e2e.TrialRuns.FLASK_TASK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.run.e2e.ConduitModelServer.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 end to end: the built-in agent against a scripted endpoint that reports 1000 prompt and
 * 500 completion tokens per reply, priced 2 / 10 per million in the manifest, and the run's
 * reports show tokens, calls, time and cost per trial and per group.
 */
class LlmAgentCostTrialTest {

  @TempDir
  Path tmp;

  @Test
  void aPricedRunShowsTokensAndCostPerTrialAndPerGroupInItsReports() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(Style.WRITE_FILE)) {
      TrialRuns runs = TrialRuns.run(tmp, TrialRuns.llmAgent(model,
          "price: {inputPerMillion: 2.0, outputPerMillion: 10.0}\n"), List.of(FLASK_TASK, EXPRESS_TASK), null);
      Path dir = runs.writeReports();

      int flaskSteps = ConduitModelServer.steps(AppFiles.FLASK);
      int expressSteps = ConduitModelServer.steps(AppFiles.EXPRESS);
      JsonNode run = Json.mapper().readTree(dir.resolve("run.json").toFile());
      JsonNode flask = run.get("usage").get("perFramework").get("flask");
      assertThat(flask.get("promptTokens").asLong()).isEqualTo(1000L * flaskSteps);
      assertThat(flask.get("llmCalls").asLong()).isEqualTo(flaskSteps);
      // (1000 x 2 + 500 x 10) / 1e6 = 0.007 per reply
      assertThat(flask.get("cost").asDouble()).isCloseTo(0.007 * flaskSteps, within(1e-9));
      JsonNode overall = run.get("usage").get("overall");
      assertThat(overall.get("successes").asInt()).isEqualTo(2);
      assertThat(overall.get("cost").asDouble()).isCloseTo(0.007 * (flaskSteps + expressSteps), within(1e-9));
      assertThat(overall.get("costPerSuccess").asDouble())
          .isCloseTo(0.007 * (flaskSteps + expressSteps) / 2, within(1e-9));
      assertThat(overall.get("agentMs").asLong()).isPositive();
      assertThat(overall.get("evaluationMs").asLong()).isPositive();
      for (JsonNode trial : run.get("trials")) {
        assertThat(trial.get("usage").get("toolCalls").get("finish").asInt()).isEqualTo(1);
        assertThat(trial.get("usage").get("cost").asDouble()).isPositive();
      }
      assertThat(Files.readString(dir.resolve("report.md"))).contains("## What it cost")
          .contains("| flask | 100.00 | 1 | 1 | " + 1000 * flaskSteps + " / " + 500 * flaskSteps + " | ");
      assertThat(Files.readAllLines(dir.resolve("cost_stats.csv")))
          .anyMatch(l -> l.startsWith("framework,express,100.00,1,1," + 1000 * expressSteps + ","));
    }
  }
}
