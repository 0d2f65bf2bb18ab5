package dev.decaybench.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.api.v1alpha1.TokenPrice;
import dev.decaybench.runner.engine.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run.json's per-trial usage comes from trial.json as written, unknowns stay null (issue 19). */
class TrialUsageTest {

  private static TrialEntry entry(String agentOutcomeJson, Long evaluationMs) throws Exception {
    JsonNode outcome = agentOutcomeJson == null ? null : Json.mapper().readTree(agentOutcomeJson);
    TrialJson info = new TrialJson("t__r1", "t", "flask", 0, List.of(), 1, "llm", "evaluated", null,
        outcome, 5000L, evaluationMs);
    return new TrialEntry("t__r1", Path.of("t__r1"), info, null, "evaluated", null, null);
  }

  @Test
  void carriesTokensCallsStepsToolsAndBothWallTimes() throws Exception {
    TrialUsage u = TrialUsage.of(entry("{\"steps\":3,\"finished\":true,\"agentMs\":1200,\"usage\":"
        + "{\"promptTokens\":300,\"completionTokens\":60,\"llmCalls\":3,\"toolCalls\":{\"shell\":2,\"finish\":1}}}",
        800L));

    assertThat(u).isEqualTo(new TrialUsage(300L, 60L, 3, 3, Map.of("shell", 2, "finish", 1), 1200L, 800L, null));
  }

  @Test
  void keepsUnreportedTokensNullRatherThanZero() throws Exception {
    TrialUsage u = TrialUsage.of(entry("{\"exitCode\":0,\"finished\":true,\"agentMs\":90}", null));

    assertThat(u.promptTokens()).isNull();
    assertThat(u.completionTokens()).isNull();
    assertThat(u.llmCalls()).isNull();
    assertThat(u.agentMs()).isEqualTo(90L);
    assertThat(u.evaluationMs()).isNull();
  }

  @Test
  void hasNoUsageWhenTheTrialRecordedNothing() throws Exception {
    assertThat(TrialUsage.of(entry(null, null))).isNull();
  }

  @Test
  void costsTheTokensAtTheManifestsPricePerMillion() throws Exception {
    TrialEntry e = entry("{\"usage\":{\"promptTokens\":2000000,\"completionTokens\":100000}}", null);

    assertThat(TrialUsage.of(e, new TokenPrice(3.0, 15.0)).cost()).isEqualTo(7.5);
  }

  @Test
  void hasNoCostWhenTokensAreUnknownEvenWithAPrice() throws Exception {
    TrialEntry e = entry("{\"agentMs\":90,\"usage\":{\"llmCalls\":2}}", null);

    assertThat(TrialUsage.of(e, new TokenPrice(3.0, 15.0)).cost()).isNull();
  }
}
