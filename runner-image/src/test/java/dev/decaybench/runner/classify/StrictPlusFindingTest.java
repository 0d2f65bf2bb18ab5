package dev.decaybench.runner.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictPlusFindingTest {

  private static final VerifierResult PAPER_LAYERS = new VerifierResult("clean_architecture",
      VerifierResult.PAPER, true, "layers 4/4", List.of());
  private static final VerifierResult ROUTE_TO_REPO = new VerifierResult("import_graph", "decaybench",
      false, "1 import(s) go up a layer or bypass the services",
      List.of("routes/tags.py:2: from repositories.tag_repository import all_tags (routes -> repositories, bypasses the services)"));

  private static TrialResult result(boolean success, List<VerifierResult> verifiers) {
    AssertionCounts counts = success ? new AssertionCounts(290, 0, 290) : new AssertionCounts(280, 10, 290);
    double aPct = counts.percent();
    return TrialResult.builder("flask-clean").constraints(List.of("clean_architecture"))
        .assertions(counts).aPct(aPct).strictAPct(aPct).strictAPctPlus(0.0).success(success)
        .healthy(true).requests(List.of()).verifiers(verifiers).serverLogTail("").build();
  }

  @Test
  void aPaperSuccessThatFailsAStrongerVerifierGetsAConstraintViolationUnderTheStrongerView() {
    TrialResult r = FailureClassifier.withFailureClass(result(true, List.of(PAPER_LAYERS, ROUTE_TO_REPO)), null);

    FailureClass f = r.strictPlusFailure();
    assertThat(f).isNotNull();
    assertThat(f.coarse()).isEqualTo("constraint_violation");
    assertThat(f.rule()).isEqualTo("stronger-verifier-failed");
    assertThat(f.evidence()).anyMatch(e -> e.startsWith("verifier import_graph FAILED"))
        .anyMatch(e -> e.contains("routes/tags.py:2"));
    // the paper's view is untouched
    assertThat(r.success()).isTrue();
    assertThat(r.failure()).isNull();
    assertThat(r.aPct()).isEqualTo(100.0);
    assertThat(r.strictAPct()).isEqualTo(100.0);
  }

  @Test
  void aSuccessThatPassesEveryVerifierHasNoFinding() {
    TrialResult r = FailureClassifier.withFailureClass(result(true, List.of(PAPER_LAYERS)), null);
    assertThat(r.strictPlusFailure()).isNull();
  }

  @Test
  void aPaperFailureKeepsItsOwnClassAndNoStrongerFinding() {
    TrialResult r = FailureClassifier.withFailureClass(result(false, List.of(PAPER_LAYERS, ROUTE_TO_REPO)), null);
    assertThat(r.failure()).isNotNull();
    assertThat(r.strictPlusFailure()).isNull();
  }
}
