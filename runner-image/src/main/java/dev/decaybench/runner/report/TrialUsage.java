package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.api.v1alpha1.TokenPrice;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trial cost, as run.json lists it: tokens, model calls and agent steps (from trial.json's
 * agent outcome), tool calls by kind, agent and evaluation wall time, and the cost of its tokens
 * at the manifest's price. Unknown values are null, never 0; a trial with nothing known has no
 * usage at all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialUsage(Long promptTokens, Long completionTokens, Integer llmCalls, Integer steps,
    Map<String, Integer> toolCalls, Long agentMs, Long evaluationMs, Double cost) {

  /** The run's token price ({@code spec.agent.price}), null when the manifest gives none. */
  static TokenPrice price(JsonNode spec) {
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

  /** Usage without a price: no cost. */
  static TrialUsage of(TrialEntry e) {
    return of(e, null);
  }

  static TrialUsage of(TrialEntry e, TokenPrice price) {
    JsonNode outcome = e.info() == null ? null : e.info().agentOutcome();
    JsonNode usage = outcome == null ? null : outcome.path("usage");
    Long evalMs = e.info() != null && e.info().evaluationMs() != null ? e.info().evaluationMs()
        : e.result() != null && e.result().timings() != null ? Long.valueOf(e.result().timings().total()) : null;
    TrialUsage u = new TrialUsage(longOrNull(usage, "promptTokens"), longOrNull(usage, "completionTokens"),
        intOrNull(usage, "llmCalls"), intOrNull(outcome, "steps"), tools(usage),
        longOrNull(outcome, "agentMs"), evalMs, null);
    if (u.equals(new TrialUsage(null, null, null, null, null, null, null, null))) {
      return null;
    }
    Double cost = price == null ? null : price.cost(u.promptTokens(), u.completionTokens());
    return new TrialUsage(u.promptTokens(), u.completionTokens(), u.llmCalls(), u.steps(), u.toolCalls(),
        u.agentMs(), u.evaluationMs(), cost);
  }

  private static Map<String, Integer> tools(JsonNode usage) {
    if (usage == null || !usage.path("toolCalls").isObject()) {
      return null;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    usage.get("toolCalls").fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asInt()));
    return out;
  }

  private static Long longOrNull(JsonNode n, String field) {
    return n != null && n.path(field).isIntegralNumber() ? n.get(field).asLong() : null;
  }

  private static Integer intOrNull(JsonNode n, String field) {
    return n != null && n.path(field).isIntegralNumber() ? n.get(field).asInt() : null;
  }
}
