package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Wall time of a trial's phases, in seconds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"agentSeconds", "evaluateSeconds"})
public class TrialTimings {

  @JsonPropertyDescription("Agent phase, in seconds.")
  private Double agentSeconds;

  @JsonPropertyDescription("Evaluation phase (app start, suites, verifiers), in seconds.")
  private Double evaluateSeconds;

  public TrialTimings() {}

  public TrialTimings(Double agentSeconds, Double evaluateSeconds) {
    this.agentSeconds = agentSeconds;
    this.evaluateSeconds = evaluateSeconds;
  }

  public Double getAgentSeconds() {
    return agentSeconds;
  }

  public void setAgentSeconds(Double agentSeconds) {
    this.agentSeconds = agentSeconds;
  }

  public Double getEvaluateSeconds() {
    return evaluateSeconds;
  }

  public void setEvaluateSeconds(Double evaluateSeconds) {
    this.evaluateSeconds = evaluateSeconds;
  }
}
