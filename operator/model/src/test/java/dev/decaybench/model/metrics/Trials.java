package dev.decaybench.model.metrics;

import java.util.ArrayList;
import java.util.List;

/** Builds TrialRecords for the metric tests. */
final class Trials {

  private final List<TrialRecord> out = new ArrayList<>();

  private Trials() {}

  static Trials builder() {
    return new Trials();
  }

  /** A successful trial (100%, strict 100%). */
  Trials ok(String framework, List<String> constraints) {
    return add(framework, constraints, 100, 100, true, null, null, false);
  }

  /** A failed trial with its scores and failure class. */
  Trials fail(String framework, List<String> constraints, double aPct, double strictAPct, String coarse,
      String sub, boolean dataLayer) {
    return add(framework, constraints, aPct, strictAPct, false, coarse, sub, dataLayer);
  }

  Trials add(String framework, List<String> constraints, double aPct, double strictAPct, boolean success,
      String coarse, String sub, boolean dataLayer) {
    String task = task(framework, constraints);
    int repeat = (int) out.stream().filter(t -> t.task().equals(task)).count() + 1;
    out.add(new TrialRecord(task + "-r" + repeat, task, framework, constraints.size(), constraints, repeat,
        aPct, strictAPct, strictAPct, success, null, null, coarse, sub, dataLayer, 1000));
    return this;
  }

  static String task(String framework, List<String> constraints) {
    return framework + "-openapi-" + (constraints.isEmpty() ? "unconstrained" : String.join("-", constraints));
  }

  List<TrialRecord> build() {
    return List.copyOf(out);
  }
}
