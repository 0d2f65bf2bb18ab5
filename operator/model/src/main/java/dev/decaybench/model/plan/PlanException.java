package dev.decaybench.model.plan;

/** A run whose task selection cannot be turned into trials; {@code reason} is a CamelCase word. */
public final class PlanException extends Exception {

  private final String reason;

  public PlanException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
