package dev.decaybench.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.TokenPrice;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial's usage as its files record it: tokens, model calls, steps and tool calls from the
 * agent's outcome (trial.json's {@code agentOutcome}, or the pod's agent.json: the same shape),
 * agent and evaluation wall time. Unknown values are null, never 0; the pricing and adding up is
 * the shared aggregation's ({@code RunMetrics}).
 */
public final class TrialUsages {

  private TrialUsages() {}

  /** The run's token price ({@code spec.agent.price}), null when the manifest gives none. */
  public static TokenPrice price(JsonNode spec) {
    JsonNode p = spec == null ? null : spec.path("agent").path("price");
    if (p == null || !p.isObject()) {
      return null;
    }
    try {
      return RunFile.lenient().treeToValue(p, TokenPrice.class);
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** What a local trial directory records; null when nothing is known. */
  static TrialUsage read(TrialJson info, TrialResult result) {
    Long evalMs = info != null && info.evaluationMs() != null ? info.evaluationMs()
        : result != null && result.timings() != null ? Long.valueOf(result.timings().total()) : null;
    TrialUsage agent = ofAgentOutcome(info == null ? null : info.agentOutcome());
    return TrialUsage.orNull(agent != null ? agent.withTimes(agent.agentMs(), evalMs)
        : new TrialUsage(null, null, null, null, null, null, evalMs, null));
  }

  /** Tokens, calls, steps, tool calls and agent time of an agent outcome; null when it has none. */
  public static TrialUsage ofAgentOutcome(JsonNode outcome) {
    if (outcome == null || !outcome.isObject()) {
      return null;
    }
    JsonNode usage = outcome.path("usage");
    return TrialUsage.orNull(new TrialUsage(longOrNull(usage, "promptTokens"), longOrNull(usage, "completionTokens"),
        intOrNull(usage, "llmCalls"), intOrNull(outcome, "steps"), tools(usage), longOrNull(outcome, "agentMs"),
        null, null));
  }

  private static Map<String, Integer> tools(JsonNode usage) {
    if (!usage.path("toolCalls").isObject()) {
      return null;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    usage.get("toolCalls").fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asInt()));
    return out;
  }

  private static Long longOrNull(JsonNode n, String field) {
    return n.path(field).isIntegralNumber() ? n.get(field).asLong() : null;
  }

  private static Integer intOrNull(JsonNode n, String field) {
    return n.path(field).isIntegralNumber() ? n.get(field).asInt() : null;
  }
}
