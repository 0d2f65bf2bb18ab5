package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.model.v1alpha1.UsageSummary;
import java.util.List;
import java.util.function.Function;

/**
 * What a group of counted trials cost (the whole run, a level, a framework, a variant): total
 * tokens, model calls, cost, agent and evaluation time, and tokens and cost per successful trial.
 * A total is null when any trial's figure is unknown (a sum over some trials would look like the
 * group's cost and understate it); per-success figures are null without a success.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trials", "successes", "promptTokens", "completionTokens", "llmCalls", "cost", "agentMs",
    "evaluationMs", "tokensPerSuccess", "costPerSuccess"})
public record RunUsage(int trials, int successes, Long promptTokens, Long completionTokens,
    Long llmCalls, Double cost, Long agentMs, Long evaluationMs, Double tokensPerSuccess,
    Double costPerSuccess) {

  /** The usage of {@code trials}, each priced at {@code price} (null: as recorded). */
  public static RunUsage of(List<TrialRecord> trials, TokenPrice price) {
    List<TrialRecord> priced = trials.stream().map(t -> t.usage() == null ? t : t.withUsage(t.usage().priced(price)))
        .toList();
    int successes = (int) priced.stream().filter(TrialRecord::success).count();
    Long prompt = total(priced, TrialUsage::promptTokens);
    Long completion = total(priced, TrialUsage::completionTokens);
    Long calls = total(priced, u -> u.llmCalls() == null ? null : u.llmCalls().longValue());
    Double cost = priced.isEmpty() || priced.stream().anyMatch(t -> t.usage() == null || t.usage().cost() == null)
        ? null : priced.stream().mapToDouble(t -> t.usage().cost()).sum();
    Double tokensPerSuccess = prompt == null || completion == null || successes == 0 ? null
        : (prompt + completion) / (double) successes;
    Double costPerSuccess = cost == null || successes == 0 ? null : cost / successes;
    return new RunUsage(priced.size(), successes, prompt, completion, calls, cost,
        total(priced, TrialUsage::agentMs), total(priced, TrialUsage::evaluationMs), tokensPerSuccess,
        costPerSuccess);
  }

  /** The group as the CRD status shows it (rounded); null when nothing about it is known. */
  public UsageSummary toUsageSummary() {
    if (promptTokens == null && completionTokens == null && llmCalls == null && cost == null && agentMs == null
        && evaluationMs == null) {
      return null;
    }
    return new UsageSummary(promptTokens, completionTokens, llmCalls, RunMetrics.round6(cost),
        RunMetrics.round6(costPerSuccess), RunMetrics.round4(tokensPerSuccess),
        agentMs == null ? null : agentMs / 1000.0, evaluationMs == null ? null : evaluationMs / 1000.0);
  }

  private static Long total(List<TrialRecord> trials, Function<TrialUsage, Long> field) {
    long sum = 0;
    for (TrialRecord t : trials) {
      Long v = t.usage() == null ? null : field.apply(t.usage());
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return trials.isEmpty() ? null : sum;
  }
}
