package dev.decaybench.runner.classify;

/** One constraint check result: {@code name} (clean_architecture, postgres, orm, ...), verdict, why. */
public record VerifierFinding(String name, boolean passed, String reason) {

  public String describe() {
    return "verifier " + name + " " + (passed ? "passed" : "FAILED") + (reason == null || reason.isBlank() ? "" : ": " + reason);
  }
}
