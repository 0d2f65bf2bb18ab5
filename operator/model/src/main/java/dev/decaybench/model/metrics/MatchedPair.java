package dev.decaybench.model.metrics;

/**
 * Two constraint variants of the same framework that differ only by the constraint under study:
 * {@code without} and {@code with} are variant names ({@code unconstrained},
 * {@code clean_architecture-postgres}, ...); the values are the variants' A% and strict A% (mean
 * over each variant's trials per task, then over its tasks). The difference is with - without.
 */
public record MatchedPair(
    String framework,
    String without,
    String with,
    double aPctWithout,
    double aPctWith,
    double strictAPctWithout,
    double strictAPctWith) {

  public double aPctDiff() {
    return aPctWith - aPctWithout;
  }

  public double strictAPctDiff() {
    return strictAPctWith - strictAPctWithout;
  }
}
