package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One request of a suite. {@code status} is null when no answer came back; {@code error} then
 * says why (connection refused, timeout, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestResult(
    String name,
    String method,
    String path,
    Integer status,
    String error,
    long durationMs,
    List<AssertionResult> assertions) {

  public long failedCount() {
    return assertions.stream().filter(a -> !a.passed()).count();
  }
}
