package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stage of an {@link EvaluationTrial}. {@code Evaluated} means the evaluation finished and
 * produced a result (whatever its score: an agent or app failure is an evaluated, classified
 * trial); {@code Failed} means no result could be produced after the allowed attempts.
 */
public enum TrialPhase {
  @JsonProperty("Pending") PENDING("Pending"),
  @JsonProperty("Running") RUNNING("Running"),
  @JsonProperty("Evaluated") EVALUATED("Evaluated"),
  @JsonProperty("Failed") FAILED("Failed");

  private final String value;

  TrialPhase(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public boolean isTerminal() {
    return this == EVALUATED || this == FAILED;
  }

  @Override
  public String toString() {
    return value;
  }
}
