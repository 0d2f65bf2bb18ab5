package dev.decaybench.runner.suite;

import dev.decaybench.api.result.AssertionCounts;
import dev.decaybench.api.result.RequestResult;
import java.util.List;

/** The requests of one suite run and their assertion totals. */
public record SuiteOutcome(List<RequestResult> requests, AssertionCounts counts) {

  static SuiteOutcome of(List<RequestResult> requests) {
    int total = requests.stream().mapToInt(r -> r.assertions().size()).sum();
    int failed = (int) requests.stream().mapToLong(RequestResult::failedCount).sum();
    return new SuiteOutcome(requests, new AssertionCounts(total - failed, failed, total));
  }
}
