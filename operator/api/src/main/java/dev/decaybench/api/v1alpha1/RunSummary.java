package dev.decaybench.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The run's results as the paper reports them, computed by the one metrics implementation shared
 * by the CLI reports and the operator. Percentages are 0..100; pass@k and pass^k 0..1. Map keys:
 * {@code deltaAPct} "L0->L1", "L1->L2", "L2->L3", "L0->L3" ({@link #deltaKey}); {@code perLevel}
 * "L0".."L3" ({@link #levelKey}); {@code perFramework} framework names; failure maps by class.
 * Every map is bounded by the taxonomy, the levels and the frameworks, never by the trial count.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trials", "successes", "aPct", "strictAPct", "passAt1", "passAtK",
    "passHatK", "k", "deltaAPct", "perLevel", "perFramework", "failureClasses",
    "failureSubcategories", "dataLayerShare"})
public class RunSummary {

  @JsonPropertyDescription("Evaluated trials.")
  private int trials;
  @JsonPropertyDescription("Trials with every assertion and every verifier passing.")
  private int successes;
  @JsonProperty("aPct")
  @JsonPropertyDescription("A%: mean passed-assertion percentage per task, then over tasks.")
  private Double aPct;
  @JsonPropertyDescription("Strict A%: A% counting a trial 0 when a verifier fails.")
  private Double strictAPct;
  @JsonPropertyDescription("pass@1 (0..1).")
  private Double passAt1;
  @JsonPropertyDescription("pass@k, unbiased estimator (0..1).")
  private Double passAtK;
  @JsonPropertyDescription("pass^k: all k attempts succeed (0..1).")
  private Double passHatK;
  @JsonPropertyDescription("k of pass@k and pass^k (the repeats).")
  private Integer k;
  @JsonPropertyDescription("Constraint decay: A% difference between levels, keyed L0->L1 etc.")
  private Map<String, Double> deltaAPct;
  @JsonPropertyDescription("Metrics per constraint level, keyed L0..L3.")
  private Map<String, GroupSummary> perLevel;
  @JsonPropertyDescription("Metrics per framework.")
  private Map<String, GroupSummary> perFramework;
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
