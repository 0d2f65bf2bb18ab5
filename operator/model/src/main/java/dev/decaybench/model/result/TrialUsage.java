package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.v1alpha1.TokenPrice;
import java.util.Map;

/**
 * What one trial cost: prompt and completion tokens, model calls, agent steps, tool calls by kind
 * ({@code shell}, {@code writeFile}, {@code finish}), agent and evaluation wall time, and the
 * cost of its tokens at the run's price. Local runs read it from trial.json, the operator from a
 * trial's status; both hand it to the one aggregation ({@code RunMetrics}). Unknown is null,
 * never 0: a missing count must not read as a free trial.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"promptTokens", "completionTokens", "llmCalls", "steps", "toolCalls", "agentMs",
    "evaluationMs", "cost"})
public record TrialUsage(Long promptTokens, Long completionTokens, Integer llmCalls, Integer steps,
    Map<String, Integer> toolCalls, Long agentMs, Long evaluationMs, Double cost) {

  private static final TrialUsage NOTHING = new TrialUsage(null, null, null, null, null, null, null, null);

  public TrialUsage {
    toolCalls = toolCalls == null ? null : Map.copyOf(toolCalls);
  }

  /** {@code u}, or null when it knows nothing (a trial without usage has none at all). */
  public static TrialUsage orNull(TrialUsage u) {
    return u == null || u.isEmpty() ? null : u;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return equals(NOTHING);
  }

  /** With the cost of its tokens at {@code price}; unchanged without a price (keeps a stored cost). */
  public TrialUsage priced(TokenPrice price) {
    return price == null ? this : new TrialUsage(promptTokens, completionTokens, llmCalls, steps, toolCalls,
        agentMs, evaluationMs, price.cost(promptTokens, completionTokens));
  }

  /** With the agent and evaluation wall times (as measured by whoever ran the trial). */
  public TrialUsage withTimes(Long agentMs, Long evaluationMs) {
    return new TrialUsage(promptTokens, completionTokens, llmCalls, steps, toolCalls, agentMs, evaluationMs,
        cost);
  }
}
