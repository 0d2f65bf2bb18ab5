package dev.decaybench.model.result;

/** Assertion totals; {@code total} is fixed by the suite, not by how far the app got. */
public record AssertionCounts(int passed, int failed, int total) {

  /** A% on the paper's 0-100 scale, rounded to two decimals. */
  public double percent() {
    if (total == 0) {
      return 0.0;
    }
    return Math.round(10000.0 * passed / total) / 100.0;
  }
}
