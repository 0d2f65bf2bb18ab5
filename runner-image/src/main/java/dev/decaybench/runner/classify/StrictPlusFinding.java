package dev.decaybench.runner.classify;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import dev.decaybench.runner.classify.model.Taxonomy;
import java.util.ArrayList;
import java.util.List;

/**
 * The finding for a trial the paper calls a success but decaybench's stronger verifiers fail
 * (e.g. a route importing a repository): without it such a trial has strictAPctPlus 0 and no
 * class at all. Always {@code constraint_violation}, with the failing verifiers as evidence; the
 * paper's {@code failure} and numbers are left alone.
 */
public final class StrictPlusFinding {

  public static final String RULE = "stronger-verifier-failed";
  private static final int EVIDENCE_PER_VERIFIER = 3;

  private StrictPlusFinding() {}

  /** The finding, or null when the paper's verdict already says it all or nothing stronger failed. */
  public static FailureClass of(TrialResult result) {
    if (result == null || !result.success() || result.verifiers() == null) {
      return null;
    }
    List<VerifierResult> failing = result.verifiers().stream()
        .filter(v -> !v.passed() && !VerifierResult.PAPER.equals(v.source())).toList();
    if (failing.isEmpty()) {
      return null;
    }
    List<String> evidence = new ArrayList<>(List.of(
        "every assertion and every paper verifier passed; strictAPctPlus is 0"));
    for (VerifierResult v : failing) {
      evidence.add("verifier " + v.name() + " FAILED: " + v.reason());
      // the verifier's own file:line evidence says where to look
      (v.evidence() == null ? List.<String>of() : v.evidence()).stream().limit(EVIDENCE_PER_VERIFIER).map(e -> "  " + e).forEach(evidence::add);
    }
    return new FailureClass(Taxonomy.CONSTRAINT_VIOLATION, null, false, 0.95, RULE, List.copyOf(evidence));
  }

  /** The result with its stronger-view finding set (unchanged when there is none). */
  public static TrialResult apply(TrialResult result) {
    FailureClass finding = of(result);
    return finding == null ? result : result.withStrictPlusFailure(finding);
  }
}
