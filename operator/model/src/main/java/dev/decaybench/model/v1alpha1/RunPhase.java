package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stage of an {@link EvaluationRun}. It only moves forward:
 * Pending → Running → (Succeeded | Failed | Cancelled), and Pending → (Failed | Cancelled).
 * Succeeded, Failed and Cancelled are terminal.
 */
public enum RunPhase {
  @JsonProperty("Pending") PENDING("Pending"),
  @JsonProperty("Running") RUNNING("Running"),
  @JsonProperty("Succeeded") SUCCEEDED("Succeeded"),
  @JsonProperty("Failed") FAILED("Failed"),
  @JsonProperty("Cancelled") CANCELLED("Cancelled");

  private final String value;

  RunPhase(String value) {
    this.value = value;
  }

  /** The name shown in the status and by {@code kubectl get}. */
  public String value() {
    return value;
  }

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /**
   * True when a run in this phase may move to {@code next}. Staying in the same phase is not a
   * move (false); a terminal phase never moves.
   */
  public boolean canMoveTo(RunPhase next) {
    if (next == null) {
      return false;
    }
    return switch (this) {
      case PENDING -> next == RUNNING || next == FAILED || next == CANCELLED;
      case RUNNING -> next == SUCCEEDED || next == FAILED || next == CANCELLED;
      case SUCCEEDED, FAILED, CANCELLED -> false;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
