package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state of a run: aggregates only (phase, conditions, counts, summary), never one entry
 * per trial, so that a 10,000-trial run stays far below etcd's object size limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"phase", "observedGeneration", "progress", "trials", "summary", "startTime",
    "completionTime", "conditions"})
public class EvaluationRunStatus {

  @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Cancelled; only moves forward.")
  private RunPhase phase;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyDescription("Accepted, Progressing, Complete and Degraded conditions.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("Finished trials / total trials, e.g. 12/240.")
  private String progress;

  @JsonPropertyDescription("Trial counts by state.")
  private TrialCounts trials;

  @JsonPropertyDescription("Aggregated results of the evaluated trials.")
  private RunSummary summary;

  @JsonPropertyDescription("RFC 3339 time the first trial started.")
  private String startTime;

  @JsonPropertyDescription("RFC 3339 time the run reached a terminal phase.")
  private String completionTime;

  public EvaluationRunStatus() {}

  public RunPhase getPhase() {
    return phase;
  }

  public void setPhase(RunPhase phase) {
    this.phase = phase;
  }

  /** The mutable list of conditions (never null); change it through {@link Conditions}. */
  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions == null ? new ArrayList<>() : new ArrayList<>(conditions);
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }

  public TrialCounts getTrials() {
    return trials;
  }

  public void setTrials(TrialCounts trials) {
    this.trials = trials;
  }

  public RunSummary getSummary() {
    return summary;
  }

  public void setSummary(RunSummary summary) {
    this.summary = summary;
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
}
