package dev.decaybench.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.runner.util.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run.json's per-trial usage comes from trial.json as written, unknowns stay null (issue 19). */
class TrialUsageTest {

  private static TrialUsage read(String agentOutcomeJson, Long evaluationMs) throws Exception {
    JsonNode outcome = agentOutcomeJson == null ? null : Json.mapper().readTree(agentOutcomeJson);
    TrialJson info = new TrialJson("t__r1", "t", "flask", 0, List.of(), 1, "llm", "evaluated", null,
        outcome, 5000L, evaluationMs);
    return TrialUsages.read(info, null);
  }

  @Test
  void carriesTokensCallsStepsToolsAndBothWallTimes() throws Exception {
    TrialUsage u = read("{\"steps\":3,\"finished\":true,\"agentMs\":1200,\"usage\":"
        + "{\"promptTokens\":300,\"completionTokens\":60,\"llmCalls\":3,\"toolCalls\":{\"shell\":2,\"finish\":1}}}",
        800L);

    assertThat(u).isEqualTo(new TrialUsage(300L, 60L, 3, 3, Map.of("shell", 2, "finish", 1), 1200L, 800L, null));
  }

  @Test
  void keepsUnreportedTokensNullRatherThanZero() throws Exception {
    TrialUsage u = read("{\"exitCode\":0,\"finished\":true,\"agentMs\":90}", null);

    assertThat(u.promptTokens()).isNull();
    assertThat(u.completionTokens()).isNull();
    assertThat(u.llmCalls()).isNull();
    assertThat(u.agentMs()).isEqualTo(90L);
    assertThat(u.evaluationMs()).isNull();
  }

  @Test
  void hasNoUsageWhenTheTrialRecordedNothing() throws Exception {
    assertThat(read(null, null)).isNull();
  }

  @Test
  void costsTheTokensAtTheManifestsPricePerMillion() throws Exception {
    TrialUsage u = read("{\"usage\":{\"promptTokens\":2000000,\"completionTokens\":100000}}", null);

    assertThat(u.priced(new TokenPrice(3.0, 15.0)).cost()).isEqualTo(7.5);
  }

  @Test
  void hasNoCostWhenTokensAreUnknownEvenWithAPrice() throws Exception {
    TrialUsage u = read("{\"agentMs\":90,\"usage\":{\"llmCalls\":2}}", null);

    assertThat(u.priced(new TokenPrice(3.0, 15.0)).cost()).isNull();
  }
}
