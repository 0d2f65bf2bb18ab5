package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The run's results as the paper reports them, computed by the one metrics implementation shared
 * by the CLI reports and the operator. Percentages are 0..100; pass@k and pass^k 0..1. Map keys:
 * {@code deltaAPct} "L0->L1", "L1->L2", "L2->L3", "L0->L3" ({@link #deltaKey}); {@code perLevel}
 * "L0".."L3" ({@link #levelKey}); {@code perFramework} framework names; failure maps by class.
 * Every map is bounded by the taxonomy, the levels and the frameworks, never by the trial count.
 * The whole run is itself a group: its trials, successes, A% and pass figures come from
 * {@link GroupSummary}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trials", "successes", "aPct", "strictAPct", "passAt1", "passAtK",
    "passHatK", "usage", "k", "deltaAPct", "perLevel", "perFramework", "usagePerVariant",
    "failureClasses", "failureSubcategories", "dataLayerShare"})
public class RunSummary extends GroupSummary {

  @JsonPropertyDescription("k of pass@k and pass^k (the repeats).")
  private Integer k;
  @JsonPropertyDescription("Constraint decay: A% difference between levels, keyed L0->L1 etc.")
  private Map<String, Double> deltaAPct;
  @JsonPropertyDescription("Metrics per constraint level, keyed L0..L3.")
  private Map<String, GroupSummary> perLevel;
  @JsonPropertyDescription("Metrics per framework.")
  private Map<String, GroupSummary> perFramework;
  @JsonPropertyDescription("Tokens, calls, cost and time per constraint variant.")
  private Map<String, UsageSummary> usagePerVariant;
  @JsonPropertyDescription("Failed trials per coarse failure class.")
  private Map<String, Integer> failureClasses;
  @JsonPropertyDescription("logic_error trials per subcategory.")
  private Map<String, Integer> failureSubcategories;
  @JsonPropertyDescription("Share (0..1) of classified failures in the data layer.")
  private Double dataLayerShare;

  public RunSummary() {}

  /** "L0".."L3". */
  public static String levelKey(int level) {
    return "L" + level;
  }

  /** "L0->L1" etc. */
  public static String deltaKey(int fromLevel, int toLevel) {
    return levelKey(fromLevel) + "->" + levelKey(toLevel);
  }

  public Integer getK() {
    return k;
  }

  public void setK(Integer k) {
    this.k = k;
  }

  public Map<String, Double> getDeltaAPct() {
    return deltaAPct;
  }

  public void setDeltaAPct(Map<String, Double> deltaAPct) {
    this.deltaAPct = deltaAPct;
  }

  public Map<String, GroupSummary> getPerLevel() {
    return perLevel;
  }

  public void setPerLevel(Map<String, GroupSummary> perLevel) {
    this.perLevel = perLevel;
  }

  public Map<String, GroupSummary> getPerFramework() {
    return perFramework;
  }

  public void setPerFramework(Map<String, GroupSummary> perFramework) {
    this.perFramework = perFramework;
  }

  public Map<String, UsageSummary> getUsagePerVariant() {
    return usagePerVariant;
  }

  public void setUsagePerVariant(Map<String, UsageSummary> usagePerVariant) {
    this.usagePerVariant = usagePerVariant;
  }

  public Map<String, Integer> getFailureClasses() {
    return failureClasses;
  }

  public void setFailureClasses(Map<String, Integer> failureClasses) {
    this.failureClasses = failureClasses;
  }

  public Map<String, Integer> getFailureSubcategories() {
    return failureSubcategories;
  }

  public void setFailureSubcategories(Map<String, Integer> failureSubcategories) {
    this.failureSubcategories = failureSubcategories;
  }

  public Double getDataLayerShare() {
    return dataLayerShare;
  }

  public void setDataLayerShare(Double dataLayerShare) {
    this.dataLayerShare = dataLayerShare;
  }
}
