package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a group of counted trials cost (the run, a level, a framework, a variant), as run.json's
 * usage has it. A total is absent when any trial's figure is unknown (never a partial sum, never
 * 0 for unknown); cost only with {@code spec.agent.price}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"promptTokens", "completionTokens", "llmCalls", "cost", "costPerSuccess",
    "tokensPerSuccess", "agentSeconds", "evaluationSeconds"})
public class UsageSummary extends TokenCounts {

  @JsonPropertyDescription("Model calls of the group's trials.")
  private Long llmCalls;
  @JsonPropertyDescription("Cost of the tokens at spec.agent.price.")
  private Double cost;
  @JsonPropertyDescription("Cost divided by the successful trials.")
  private Double costPerSuccess;
  @JsonPropertyDescription("Prompt plus completion tokens divided by the successful trials.")
  private Double tokensPerSuccess;
  @JsonPropertyDescription("Agent wall time of the group's trials, in seconds.")
  private Double agentSeconds;
  @JsonPropertyDescription("Evaluation wall time of the group's trials, in seconds.")
  private Double evaluationSeconds;

  public UsageSummary() {}

  public UsageSummary(Long promptTokens, Long completionTokens, Long llmCalls, Double cost,
      Double costPerSuccess, Double tokensPerSuccess, Double agentSeconds,
      Double evaluationSeconds) {
    super(promptTokens, completionTokens);
    this.llmCalls = llmCalls;
    this.cost = cost;
    this.costPerSuccess = costPerSuccess;
    this.tokensPerSuccess = tokensPerSuccess;
    this.agentSeconds = agentSeconds;
    this.evaluationSeconds = evaluationSeconds;
  }

  public Long getLlmCalls() {
    return llmCalls;
  }

  public void setLlmCalls(Long llmCalls) {
    this.llmCalls = llmCalls;
  }

  public Double getCost() {
    return cost;
  }

  public void setCost(Double cost) {
    this.cost = cost;
  }

  public Double getCostPerSuccess() {
    return costPerSuccess;
  }

  public void setCostPerSuccess(Double costPerSuccess) {
    this.costPerSuccess = costPerSuccess;
  }

  public Double getTokensPerSuccess() {
    return tokensPerSuccess;
  }

  public void setTokensPerSuccess(Double tokensPerSuccess) {
    this.tokensPerSuccess = tokensPerSuccess;
  }

  public Double getAgentSeconds() {
    return agentSeconds;
  }

  public void setAgentSeconds(Double agentSeconds) {
    this.agentSeconds = agentSeconds;
  }

  public Double getEvaluationSeconds() {
    return evaluationSeconds;
  }

  public void setEvaluationSeconds(Double evaluationSeconds) {
    this.evaluationSeconds = evaluationSeconds;
  }
}
