package dev.decaybench.runner.classify.input;

/**
 * One constraint check result: {@code name} (clean_architecture, postgres, orm, ...), verdict, why,
 * and {@code source} ("paper", "runtime", or null when the input does not say).
 */
public record VerifierFinding(String name, boolean passed, String reason, String source) {

  public VerifierFinding(String name, boolean passed, String reason) {
    this(name, passed, reason, null);
  }

  /** Whether this check decides the trial's verdict (the paper's checks; unknown source counts). */
  public boolean decisive() {
    return source == null || source.isBlank() || "paper".equals(source);
  }

  public String describe() {
    return "verifier " + name + " " + (passed ? "passed" : "FAILED") + (reason == null || reason.isBlank() ? "" : ": " + reason);
  }
}
