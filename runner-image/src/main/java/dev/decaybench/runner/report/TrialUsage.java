package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trial cost, as run.json lists it: tokens, model calls and agent steps (from trial.json's
 * agent outcome), tool calls by kind, agent and evaluation wall time. Unknown values are null,
 * never 0; a trial with nothing known has no usage at all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialUsage(Long promptTokens, Long completionTokens, Integer llmCalls, Integer steps,
    Map<String, Integer> toolCalls, Long agentMs, Long evaluationMs) {

  static TrialUsage of(TrialEntry e) {
    JsonNode outcome = e.info() == null ? null : e.info().agentOutcome();
    JsonNode usage = outcome == null ? null : outcome.path("usage");
    Long evalMs = e.info() != null && e.info().evaluationMs() != null ? e.info().evaluationMs()
        : e.result() != null && e.result().timings() != null ? Long.valueOf(e.result().timings().total()) : null;
    TrialUsage u = new TrialUsage(longOrNull(usage, "promptTokens"), longOrNull(usage, "completionTokens"),
        intOrNull(usage, "llmCalls"), intOrNull(outcome, "steps"), tools(usage),
        longOrNull(outcome, "agentMs"), evalMs);
    return u.equals(new TrialUsage(null, null, null, null, null, null, null)) ? null : u;
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
