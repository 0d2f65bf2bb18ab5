package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state and compact result of one trial. Evidence and messages are bounded
 * ({@link #MAX_EVIDENCE_ITEMS}, {@link #MAX_EVIDENCE_CHARS}, {@link Conditions#MAX_MESSAGE_LENGTH})
 * by the setters; the full trial directory lives elsewhere (artifact volume or local run dir).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"phase", "observedGeneration", "podName", "success", "aPct", "strictAPct",
    "strictAPctPlus", "extendedPassed", "extendedTotal", "verifiers", "failure", "evidence", "usage", "timings", "startTime",
    "completionTime", "message", "conditions"})
public class EvaluationTrialStatus {

  public static final int MAX_EVIDENCE_ITEMS = 5;
  public static final int MAX_EVIDENCE_CHARS = 300;
  public static final int MAX_VERIFIERS = 32;

  @JsonPropertyDescription("Pending, Running, Evaluated or Failed.")
  private TrialPhase phase;

  @JsonPropertyDescription("metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Pod of the current (or last) attempt.")
  private String podName;

  @JsonPropertyDescription("Every assertion and every verifier passed.")
  private Boolean success;

  @JsonProperty("aPct")
  @JsonPropertyDescription("Passed assertions of the paper's suite, in percent.")
  private Double aPct;

  @JsonPropertyDescription("A% if every paper verifier passed, else 0.")
  private Double strictAPct;

  @JsonPropertyDescription("A% if every verifier (the paper's and decaybench's stronger ones) passed,"
      + " else 0.")
  private Double strictAPctPlus;

  @JsonPropertyDescription("Passed assertions of the extended suite.")
  private Integer extendedPassed;

  @JsonPropertyDescription("Assertions of the extended suite.")
  private Integer extendedTotal;

  @Size(max = MAX_VERIFIERS)
  @JsonPropertyDescription("Verifier outcomes.")
  private List<VerifierOutcome> verifiers;

  @JsonPropertyDescription("Failure class of a failed trial.")
  private TrialFailure failure;

  @Size(max = MAX_EVIDENCE_ITEMS)
  @JsonPropertyDescription("A few short lines that decided the failure class.")
  private List<String> evidence;

  @JsonPropertyDescription("Tokens, model calls, agent steps and cost, as far as the agent reported"
      + " them (absent: unknown).")
  private TrialUsageStatus usage;

  @JsonPropertyDescription("Durations of the agent and evaluation phases.")
  private TrialTimings timings;

  @JsonPropertyDescription("RFC 3339 time the first attempt's pod started.")
  private String startTime;

  @JsonPropertyDescription("RFC 3339 time the trial reached Evaluated or Failed.")
  private String completionTime;

  @JsonPropertyDescription("Human-readable detail of the current state.")
  private String message;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription("Conditions of the trial.")
  private List<Condition> conditions = new ArrayList<>();

  public EvaluationTrialStatus() {}

  /** At most {@link #MAX_EVIDENCE_ITEMS} lines, each cut to {@link #MAX_EVIDENCE_CHARS}. */
  public static List<String> boundEvidence(List<String> evidence) {
    if (evidence == null) {
      return null;
    }
    List<String> bounded = new ArrayList<>(Math.min(evidence.size(), MAX_EVIDENCE_ITEMS));
    for (String line : evidence) {
      if (bounded.size() == MAX_EVIDENCE_ITEMS) {
        break;
      }
      if (line == null) {
        continue;
      }
      bounded.add(line.length() <= MAX_EVIDENCE_CHARS ? line
          : line.substring(0, MAX_EVIDENCE_CHARS - 3) + "...");
    }
    return bounded;
  }

  public TrialPhase getPhase() {
    return phase;
  }

  public void setPhase(TrialPhase phase) {
    this.phase = phase;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getPodName() {
    return podName;
  }

  public void setPodName(String podName) {
    this.podName = podName;
  }

  public Boolean getSuccess() {
    return success;
  }

  public void setSuccess(Boolean success) {
    this.success = success;
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

  public Double getStrictAPctPlus() {
    return strictAPctPlus;
  }

  public void setStrictAPctPlus(Double strictAPctPlus) {
    this.strictAPctPlus = strictAPctPlus;
  }

  public Integer getExtendedPassed() {
    return extendedPassed;
  }

  public void setExtendedPassed(Integer extendedPassed) {
    this.extendedPassed = extendedPassed;
  }

  public Integer getExtendedTotal() {
    return extendedTotal;
  }

  public void setExtendedTotal(Integer extendedTotal) {
    this.extendedTotal = extendedTotal;
  }

  public List<VerifierOutcome> getVerifiers() {
    return verifiers;
  }

  /** Keeps at most {@link #MAX_VERIFIERS} entries. */
  public void setVerifiers(List<VerifierOutcome> verifiers) {
    this.verifiers = verifiers == null || verifiers.size() <= MAX_VERIFIERS ? verifiers
        : new ArrayList<>(verifiers.subList(0, MAX_VERIFIERS));
  }

  public TrialFailure getFailure() {
    return failure;
  }

  public void setFailure(TrialFailure failure) {
    this.failure = failure;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  /** Stores {@link #boundEvidence(List) the bounded} list. */
  public void setEvidence(List<String> evidence) {
    this.evidence = boundEvidence(evidence);
  }

  public TrialUsageStatus getUsage() {
    return usage;
  }

  public void setUsage(TrialUsageStatus usage) {
    this.usage = usage;
  }

  public TrialTimings getTimings() {
    return timings;
  }

  public void setTimings(TrialTimings timings) {
    this.timings = timings;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getMessage() {
    return message;
  }

  /** Cut to {@link Conditions#MAX_MESSAGE_LENGTH}. */
  public void setMessage(String message) {
    this.message = Conditions.truncate(message);
  }

  /** The mutable list of conditions (never null); change it through {@link Conditions}. */
  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }
}
