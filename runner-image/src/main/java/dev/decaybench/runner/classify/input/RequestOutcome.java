package dev.decaybench.runner.classify.input;

import java.util.List;

/**
 * One request of the behaviour suite as the classifier sees it. {@code status} is null when no
 * answer came back ({@code error} then says why, if known); {@code path} is null when the source
 * does not record it (the paper's Newman summary). {@code failedCheckNames} is empty when only the
 * count of failed checks is known; {@code totalChecks} is -1 when unknown.
 */
public record RequestOutcome(
    String name,
    String method,
    String path,
    Integer status,
    String error,
    int failedChecks,
    int totalChecks,
    List<String> failedCheckNames) {

  public RequestOutcome {
    name = name == null ? "" : name.strip();
    method = method == null ? "" : method.strip().toUpperCase(java.util.Locale.ROOT);
    failedCheckNames = failedCheckNames == null ? List.of() : List.copyOf(failedCheckNames);
    failedChecks = Math.max(0, failedChecks);
  }

  public boolean answered() {
    return status != null;
  }

  public boolean failed() {
    return failedChecks > 0;
  }

  public boolean success2xx() {
    return status != null && status >= 200 && status < 300;
  }

  /** The paper's summary line: {@code Name METHOD → STATUS: N failed}. */
  public String summaryLine() {
    String code = status == null ? (error == null ? "" : "no answer (" + error + ")") : status.toString();
    return name + " " + method + " \u2192 " + code + ": " + failedChecks + " failed";
  }
}
