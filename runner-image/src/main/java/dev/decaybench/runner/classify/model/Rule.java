package dev.decaybench.runner.classify.model;

import dev.decaybench.runner.classify.facts.Facts;
import java.util.function.Function;

/**
 * One named classification rule. {@code check} returns null when the rule does not apply.
 * Rules are tried in order; the first that applies decides.
 */
public record Rule(String id, Function<Facts, Verdict> check) {

  public Verdict apply(Facts f) {
    return check.apply(f);
  }
}
