package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one trial's agent spent, as the evaluation carried it back from the pod (the built-in
 * agents' counts, or the usage file of a command or image agent). A field is absent when the
 * agent did not report it: unknown, never 0. Wall times are in the trial's {@code timings}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"promptTokens", "completionTokens", "llmCalls", "steps", "toolCalls", "cost"})
public class TrialUsageStatus extends TokenCounts {

  public static final int MAX_TOOL_KINDS = 8;

  @JsonPropertyDescription("Model calls.")
  private Integer llmCalls;
  @JsonPropertyDescription("Agent steps.")
  private Integer steps;
  @Size(max = MAX_TOOL_KINDS)
  @JsonPropertyDescription("Tool calls by kind (shell, writeFile, finish).")
  private Map<String, Integer> toolCalls;
  @JsonPropertyDescription("Cost of the tokens at spec.agent.price of the run.")
  private Double cost;

  public TrialUsageStatus() {}

  public TrialUsageStatus(Long promptTokens, Long completionTokens, Integer llmCalls,
      Integer steps, Map<String, Integer> toolCalls, Double cost) {
    super(promptTokens, completionTokens);
    this.llmCalls = llmCalls;
    this.steps = steps;
    setToolCalls(toolCalls);
    this.cost = cost;
  }

  public Integer getLlmCalls() {
    return llmCalls;
  }

  public void setLlmCalls(Integer llmCalls) {
    this.llmCalls = llmCalls;
  }

  public Integer getSteps() {
    return steps;
  }

  public void setSteps(Integer steps) {
    this.steps = steps;
  }

  public Map<String, Integer> getToolCalls() {
    return toolCalls;
  }

  /** Keeps the first {@link #MAX_TOOL_KINDS} kinds (an agent's usage file may name any). */
  public void setToolCalls(Map<String, Integer> toolCalls) {
    if (toolCalls == null) {
      this.toolCalls = null;
      return;
    }
    Map<String, Integer> bounded = new LinkedHashMap<>();
    toolCalls.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(MAX_TOOL_KINDS)
        .forEach(e -> bounded.put(e.getKey(), e.getValue()));
    this.toolCalls = bounded;
  }

  public Double getCost() {
    return cost;
  }

  public void setCost(Double cost) {
    this.cost = cost;
  }
}
