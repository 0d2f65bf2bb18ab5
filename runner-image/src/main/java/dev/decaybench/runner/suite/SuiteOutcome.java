package dev.decaybench.runner.suite;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.RequestResult;
import java.util.List;
import java.util.Map;

/**
 * The requests of one suite run, their assertion totals, and the variables it ended with (the
 * users and articles it created, which the runtime database check looks for).
 */
public record SuiteOutcome(List<RequestResult> requests, AssertionCounts counts,
    Map<String, String> variables) {

  static SuiteOutcome of(List<RequestResult> requests, Map<String, String> variables) {
    int total = requests.stream().mapToInt(r -> r.assertions().size()).sum();
    int failed = (int) requests.stream().mapToLong(RequestResult::failedCount).sum();
    return new SuiteOutcome(requests, new AssertionCounts(total - failed, failed, total), variables);
  }
}
