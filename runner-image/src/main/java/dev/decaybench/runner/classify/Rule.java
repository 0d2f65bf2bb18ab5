package dev.decaybench.runner.classify;

import java.util.function.Function;

/**
 * One named classification rule. {@code check} returns null when the rule does not apply.
 * Rules are tried in order; the first that applies decides.
 */
record Rule(String id, Function<Facts, Verdict> check) {

  Verdict apply(Facts f) {
    return check.apply(f);
  }
}
