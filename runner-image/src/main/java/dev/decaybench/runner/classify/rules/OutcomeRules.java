package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.CONSTRAINT_VIOLATION;
import static dev.decaybench.runner.classify.model.Taxonomy.OTHER;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.input.VerifierFinding;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Rules about the trial as a whole: harness trouble, no evidence, a clean suite run. */
final class OutcomeRules {

  private OutcomeRules() {}

  /** harness-error: the harness failed; nothing can be said about the agent. */
  static Verdict harnessError(Facts f) {
    String h = f.evidence.harnessError();
    return h == null ? null : Verdict.of(OTHER, 0.9, List.of("harness error: " + Facts.clip(h, 200)));
  }

  /** no-evidence: nothing to reason about at all. */
  static Verdict noEvidence(Facts f) {
    TrialEvidence e = f.evidence;
    boolean nothing = e.isEmpty() || (e.requests().isEmpty() && e.suiteRan() == null && e.verifiers().isEmpty()
        && e.serverLog().isBlank() && e.trajectory().isBlank() && e.healthy() == null);
    if (!nothing) {
      return null;
    }
    Evidence ev = new Evidence().add("no failed requests, log, trajectory or verifier result to go on");
    e.inputProblems().forEach(p -> ev.add("input: " + p));
    return Verdict.of(OTHER, 0.1, ev.list());
  }

  /** True when the suite is known to have run and no request failed. */
  static boolean suitePassed(Facts f) {
    TrialEvidence e = f.evidence;
    return f.requests.isEmpty() && Boolean.TRUE.equals(e.suiteRan()) && !Boolean.FALSE.equals(e.healthy());
  }

  /** verifier-only: every assertion passed but a constraint verifier failed. */
  static Verdict verifierOnly(Facts f) {
    List<VerifierFinding> failing = f.failingVerifiers();
    if (failing.isEmpty() || !suitePassed(f)) {
      return null;
    }
    Evidence ev = new Evidence().add("every assertion passed");
    failing.forEach(v -> ev.add(v.describe()));
    return Verdict.of(CONSTRAINT_VIOLATION, 0.95, ev.list());
  }

  /** nearly-passed-verifier: a verifier failed and only a stray check or two (or request or two) failed. */
  static Verdict nearlyPassedVerifier(Facts f) {
    List<VerifierFinding> failing = f.failingVerifiers();
    int failedChecks = f.requests.rows().stream().mapToInt(r -> r.request().failedChecks()).sum();
    int failedRequests = f.requests.rows().size();
    if (failing.isEmpty() || f.requests.isEmpty() || (failedChecks > 2 && failedRequests > 2) || !f.requests.anyAnswered()) {
      return null;
    }
    Evidence ev = new Evidence();
    failing.forEach(v -> ev.add(v.describe()));
    ev.add("only " + failedChecks + " check(s) in " + failedRequests + " request(s) failed");
    ev.rows(f.requests.rows(), 2);
    return Verdict.of(CONSTRAINT_VIOLATION, 0.6, ev.list());
  }

  /** all-passed-no-cause: nothing failed that the evidence shows. */
  static Verdict allPassedNoCause(Facts f) {
    if (!suitePassed(f) || !f.failingVerifiers().isEmpty()) {
      return null;
    }
    Evidence ev = new Evidence().add("every assertion passed and no verifier failed");
    f.evidence.inputProblems().forEach(p -> ev.add("input: " + p));
    return Verdict.of(OTHER, 0.3, ev.list());
  }
}
