package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Time limits in seconds; absent values take the runner's or operator's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trialSeconds", "runSeconds", "healthSeconds"})
public class Timeouts {

  /**
   * A trial's time limit when {@code trialSeconds} is absent, the same locally and on the cluster:
   * the agent alone may take an hour (docs/agents.md), so the trial gets at least that.
   */
  public static final int DEFAULT_TRIAL_SECONDS = 3600;

  @Min(1)
  @Max(2592000)
  @JsonPropertyDescription("Whole trial (agent and evaluation), in seconds.")
  private Integer trialSeconds;

  @Min(1)
  @Max(2592000)
  @JsonPropertyDescription("Whole run, in seconds.")
  private Integer runSeconds;

  @Min(1)
  @Max(2592000)
  @JsonPropertyDescription("How long the app under test may take to answer its health check.")
  private Integer healthSeconds;

  public Timeouts() {}

  public Timeouts(Integer trialSeconds, Integer runSeconds, Integer healthSeconds) {
    this.trialSeconds = trialSeconds;
    this.runSeconds = runSeconds;
    this.healthSeconds = healthSeconds;
  }

  public Integer getTrialSeconds() {
    return trialSeconds;
  }

  public void setTrialSeconds(Integer trialSeconds) {
    this.trialSeconds = trialSeconds;
  }

  public Integer getRunSeconds() {
    return runSeconds;
  }

  public void setRunSeconds(Integer runSeconds) {
    this.runSeconds = runSeconds;
  }

  public Integer getHealthSeconds() {
    return healthSeconds;
  }

  public void setHealthSeconds(Integer healthSeconds) {
    this.healthSeconds = healthSeconds;
  }
}
