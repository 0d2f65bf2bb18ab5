package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * What the whole run cost, over the trials the metrics count (harness errors are left out): total
 * tokens, model calls, cost, agent and evaluation time, and tokens and cost per successful trial.
 * A total is null when any counted trial's figure is unknown (a sum over some trials would look
 * like the run's cost and understate it); per-success figures are null without a success.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunUsage(int trials, int successes, Long promptTokens, Long completionTokens,
    Long llmCalls, Double cost, Long agentMs, Long evaluationMs, Double tokensPerSuccess,
    Double costPerSuccess) {

  /** One counted trial: its usage (may be null) and whether it succeeded. */
  record Counted(TrialUsage usage, boolean success) {}

  static RunUsage of(List<Counted> trials) {
    int successes = (int) trials.stream().filter(Counted::success).count();
    Long prompt = total(trials, TrialUsage::promptTokens);
    Long completion = total(trials, TrialUsage::completionTokens);
    Long calls = total(trials, u -> u.llmCalls() == null ? null : u.llmCalls().longValue());
    Double cost = trials.isEmpty() || trials.stream().anyMatch(t -> t.usage() == null || t.usage().cost() == null)
        ? null : trials.stream().mapToDouble(t -> t.usage().cost()).sum();
    Double tokensPerSuccess = prompt == null || completion == null || successes == 0 ? null
        : (prompt + completion) / (double) successes;
    Double costPerSuccess = cost == null || successes == 0 ? null : cost / successes;
    return new RunUsage(trials.size(), successes, prompt, completion, calls, cost,
        total(trials, TrialUsage::agentMs), total(trials, TrialUsage::evaluationMs), tokensPerSuccess,
        costPerSuccess);
  }

  private static Long total(List<Counted> trials, Function<TrialUsage, Long> field) {
    long sum = 0;
    for (Counted t : trials) {
      Long v = t.usage() == null ? null : field.apply(t.usage());
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return trials.isEmpty() ? null : sum;
  }
}
