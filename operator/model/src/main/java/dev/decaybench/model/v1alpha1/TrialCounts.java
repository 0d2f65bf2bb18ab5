package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Trials of a run by state. {@code total} is every planned trial; pending + running + evaluated +
 * failed = total; {@code retried} counts extra attempts after infrastructure failures.
 */
@JsonPropertyOrder({"total", "pending", "running", "evaluated", "failed", "retried"})
public class TrialCounts {

  @JsonPropertyDescription("Planned trials.")
  private int total;
  @JsonPropertyDescription("Trials not started yet.")
  private int pending;
  @JsonPropertyDescription("Trials with a live pod.")
  private int running;
  @JsonPropertyDescription("Trials with a result.")
  private int evaluated;
  @JsonPropertyDescription("Trials that produced no result after every allowed attempt.")
  private int failed;
  @JsonPropertyDescription("Extra attempts made after infrastructure failures.")
  private int retried;

  public TrialCounts() {}

  public TrialCounts(int total, int pending, int running, int evaluated, int failed, int retried) {
    this.total = total;
    this.pending = pending;
    this.running = running;
    this.evaluated = evaluated;
    this.failed = failed;
    this.retried = retried;
  }

  /** Trials in a final state: evaluated + failed. */
  public int done() {
    return evaluated + failed;
  }

  /** The {@code status.progress} text, e.g. {@code 12/240}. */
  public String progress() {
    return done() + "/" + total;
  }

  public int getTotal() {
    return total;
  }

  public void setTotal(int total) {
    this.total = total;
  }

  public int getPending() {
    return pending;
  }

  public void setPending(int pending) {
    this.pending = pending;
  }

  public int getRunning() {
    return running;
  }

  public void setRunning(int running) {
    this.running = running;
  }

  public int getEvaluated() {
    return evaluated;
  }

  public void setEvaluated(int evaluated) {
    this.evaluated = evaluated;
  }

  public int getFailed() {
    return failed;
  }

  public void setFailed(int failed) {
    this.failed = failed;
  }

  public int getRetried() {
    return retried;
  }

  public void setRetried(int retried) {
    this.retried = retried;
  }
}
