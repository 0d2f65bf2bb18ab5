package dev.decaybench.model.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's usage travels in the termination message, which stays within the kubelet's per-container budget (issue 19). */
class CompactResultUsageTest {

  private static CompactResult failedWithEvidence(int lines) {
    List<String> evidence = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      evidence.add("E".repeat(400) + i);
    }
    return new CompactResult(41.5, 0, 0, false, true, 120, 290, 10, 60,
        List.of("clean_architecture", "postgres", "sqlalchemy", "no_raw_sql"), "logic_error",
        "database_runtime_error", true, evidence);
  }

  @Test
  void usageSurvivesTheRoundTrip() throws Exception {
    TrialUsage u = new TrialUsage(123_456L, 7_890L, 42, 40, Map.of("shell", 30, "writeFile", 9, "finish", 1),
        null, null, null);

    CompactResult back = CompactResult.parse(failedWithEvidence(1).withUsage(u).toJson());

    assertThat(back.usage()).isEqualTo(u);
  }

  @Test
  void aResultWithoutUsageHasNoUsageRatherThanZeros() throws Exception {
    String json = failedWithEvidence(1).withUsage(new TrialUsage(null, null, null, null, null, null, null, null))
        .toJson();

    assertThat(json).doesNotContain("usage", "Tokens");
    assertThat(CompactResult.parse(json).usage()).isNull();
  }

  @Test
  void theLargestResultWithTheLargestUsageFitsTheMessageBudgetAndKeepsTheUsage() throws Exception {
    Map<String, Integer> tools = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      tools.put("tool_" + "x".repeat(20) + i, Integer.MAX_VALUE);
    }
    tools.put("a".repeat(5000), 1); // a usage file may name anything
    TrialUsage u = new TrialUsage(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, tools,
        Long.MAX_VALUE, Long.MAX_VALUE, Double.MAX_VALUE);

    String json = failedWithEvidence(50).withUsage(u).toJson();

    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CompactResult.LIMIT_BYTES);
    CompactResult back = CompactResult.parse(json);
    assertThat(back.usage().promptTokens()).isEqualTo(Long.MAX_VALUE);
    assertThat(back.usage().toolCalls()).hasSize(CompactResult.MAX_TOOL_KINDS);
    assertThat(back.evidence()).isNotEmpty(); // usage is bounded, so evidence still fits
  }
}
