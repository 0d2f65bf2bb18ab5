package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Metrics of one group of trials (a level, a framework, or the whole run). Percentages are
 * 0..100; pass@k and pass^k are 0..1. Values are absent while nothing was evaluated. The metric
 * fields are typed so the CRD has a schema; their values come from the declarations
 * ({@code Metric}, those shown in the status) through {@code GroupMetrics#fillStatus}, and
 * MetricDeclarationsTest keeps these fields and the declarations the same set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trials", "successes", "aPct", "strictAPct", "passAt1", "passAtK",
    "passHatK", "usage"})
public class GroupSummary {

  @JsonPropertyDescription("Evaluated trials in the group.")
  private int trials;
  @JsonPropertyDescription("Trials with every assertion and every verifier passing.")
  private int successes;
  @JsonPropertyDescription("A%: mean passed-assertion percentage per task, then over tasks.")
  @JsonProperty("aPct")
  private Double aPct;
  @JsonPropertyDescription("Strict A%: A% counting a trial 0 when a verifier fails.")
  private Double strictAPct;
  @JsonPropertyDescription("pass@1 (0..1).")
  private Double passAt1;
  @JsonPropertyDescription("pass@k, unbiased estimator (0..1).")
  private Double passAtK;
  @JsonPropertyDescription("pass^k: all k attempts succeed (0..1).")
  private Double passHatK;
  @JsonPropertyDescription("Tokens, calls, cost and time of the group's trials (absent when no"
      + " trial reported any).")
  private UsageSummary usage;

  public GroupSummary() {}

  public int getTrials() {
    return trials;
  }

  public void setTrials(int trials) {
    this.trials = trials;
  }

  public int getSuccesses() {
    return successes;
  }

  public void setSuccesses(int successes) {
    this.successes = successes;
  }

  @JsonProperty("aPct")
  public Double getAPct() {
    return aPct;
  }

  @JsonProperty("aPct")
  public void setAPct(Double aPct) {
    this.aPct = aPct;
  }

  public Double getStrictAPct() {
    return strictAPct;
  }

  public void setStrictAPct(Double strictAPct) {
    this.strictAPct = strictAPct;
  }

  public Double getPassAt1() {
    return passAt1;
  }

  public void setPassAt1(Double passAt1) {
    this.passAt1 = passAt1;
  }

  public Double getPassAtK() {
    return passAtK;
  }

  public void setPassAtK(Double passAtK) {
    this.passAtK = passAtK;
  }

  public Double getPassHatK() {
    return passHatK;
  }

  public void setPassHatK(Double passHatK) {
    this.passHatK = passHatK;
  }

  public UsageSummary getUsage() {
    return usage;
  }

  public void setUsage(UsageSummary usage) {
    this.usage = usage;
  }
}
