package dev.decaybench.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.metrics.TrialGrading.Count;
import dev.decaybench.model.metrics.TrialGrading.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialGradingTest {

  private final TrialRecord scored = new TrialRecord("flask-openapi-postgres-r1", "flask-openapi-postgres",
      "flask", 1, List.of("postgres"), 1, 80, 60, 50.0, false, 3, 4, "logic_error", "incorrect_query_logic",
      true, 1234);

  @Test
  void anEvaluatedTrialCountsWithItsOwnNumbers() {
    assertThat(TrialGrading.grade(Outcome.EVALUATED, scored)).contains(scored);
  }

  @Test
  void agentFailureAndTimeOutCountAsZeroWithoutAServiceClass() {
    for (Outcome o : List.of(Outcome.AGENT_FAILURE, Outcome.TIMED_OUT)) {
      TrialRecord r = TrialGrading.grade(o, scored).orElseThrow();
      assertThat(r.aPct()).isZero();
      assertThat(r.strictAPct()).isZero();
      assertThat(r.strictAPctPlus()).isZero();
      assertThat(r.success()).isFalse();
      assertThat(r.failureCoarse()).isEqualTo("premature_termination");
      assertThat(r.failureSubcategory()).isNull();
      assertThat(r.dataLayer()).isFalse();
      assertThat(r.extendedTotal()).isNull();
      assertThat(r.task()).isEqualTo(scored.task());
      assertThat(r.durationMs()).isEqualTo(1234);
    }
  }

  @Test
  void harnessAndInfrastructureFailuresAreLeftOut() {
    assertThat(TrialGrading.grade(Outcome.HARNESS_ERROR, scored)).isEmpty();
    assertThat(TrialGrading.grade(Outcome.INFRASTRUCTURE_FAILURE, scored)).isEmpty();
    assertThat(Outcome.HARNESS_ERROR.count()).isEqualTo(Count.EXCLUDED);
  }

  @Test
  void oldTrialJsonStatusesStillNameTheirOutcome() {
    assertThat(Outcome.ofStatus("crashed")).contains(Outcome.HARNESS_ERROR);
    assertThat(Outcome.ofStatus("evaluated")).contains(Outcome.EVALUATED);
    assertThat(Outcome.ofStatus("timed_out")).contains(Outcome.TIMED_OUT);
    assertThat(Outcome.ofStatus("running")).isEmpty();
  }
}
