package dev.decaybench.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.TokenPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a run cost, computed in the one aggregation ({@link RunMetrics#compute}) that both run.json
 * and the EvaluationRun status use (issue 19).
 */
class RunUsageTest {

  private static final TokenPrice PRICE = new TokenPrice(3.0, 15.0);
  private static final List<String> PG = List.of("postgres");

  /** flask L0 ok, flask L1 ok, express L0 failed; each 1000 prompt / 200 completion tokens, 2 calls. */
  private static List<TrialRecord> spent(TrialUsage third) {
    List<TrialRecord> base = Trials.builder().ok("flask", List.of()).ok("flask", PG)
        .fail("express", List.of(), 50, 0, "logic_error", null, false).build();
    List<TrialRecord> out = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      out.add(base.get(i).withUsage(i == 2 ? third : usage(1000L, 200L)));
    }
    return out;
  }

  private static TrialUsage usage(Long prompt, Long completion) {
    return new TrialUsage(prompt, completion, 2, 3, Map.of("shell", 2, "finish", 1), 1500L, 500L, null);
  }

  @Test
  void totalsTokensCallsCostAndTimeAndDividesCostBySuccesses() {
    RunUsage u = RunMetrics.compute(spent(usage(1000L, 200L)), 1, PRICE).usage().overall();

    assertThat(u.trials()).isEqualTo(3);
    assertThat(u.successes()).isEqualTo(2);
    assertThat(u.promptTokens()).isEqualTo(3000L);
    assertThat(u.completionTokens()).isEqualTo(600L);
    assertThat(u.llmCalls()).isEqualTo(6L);
    assertThat(u.agentMs()).isEqualTo(4500L);
    assertThat(u.evaluationMs()).isEqualTo(1500L);
    // (1000 x 3 + 200 x 15) / 1e6 = 0.006 per trial
    assertThat(u.cost()).isCloseTo(0.018, within(1e-12));
    assertThat(u.costPerSuccess()).isCloseTo(0.009, within(1e-12));
    assertThat(u.tokensPerSuccess()).isCloseTo(1800.0, within(1e-9));
  }

  @Test
  void oneTrialWithUnknownTokensMakesTheTotalUnknownNotSmaller() {
    UsageReport r = RunMetrics.compute(spent(usage(null, null)), 1, PRICE).usage();

    assertThat(r.overall().promptTokens()).isNull();
    assertThat(r.overall().cost()).isNull();
    assertThat(r.overall().llmCalls()).isEqualTo(6L); // calls were reported by all three
    assertThat(r.perFramework().get("flask").cost()).isCloseTo(0.012, within(1e-12));
    assertThat(r.perFramework().get("express").cost()).isNull();
  }

  @Test
  void withoutAPriceThereAreTokensButNoCost() {
    RunUsage u = RunMetrics.compute(spent(usage(1000L, 200L)), 1).usage().overall();

    assertThat(u.promptTokens()).isEqualTo(3000L);
    assertThat(u.cost()).isNull();
    assertThat(u.costPerSuccess()).isNull();
  }

  @Test
  void aRecordedCostIsKeptWhenNoPriceIsGiven() {
    List<TrialRecord> priced = spent(usage(1000L, 200L)).stream()
        .map(t -> t.withUsage(t.usage().priced(PRICE))).toList();

    assertThat(RunMetrics.compute(priced, 1).usage().overall().cost()).isCloseTo(0.018, within(1e-12));
  }

  @Test
  void anAgentFailureGradedAtZeroKeepsWhatItSpent() {
    TrialRecord failed = TrialGrading.zero(spent(usage(1000L, 200L)).get(0));

    assertThat(failed.aPct()).isZero();
    assertThat(failed.usage().promptTokens()).isEqualTo(1000L);
  }

  @Test
  void theRunSummaryCarriesUsageOverallPerLevelFrameworkAndVariant() {
    RunSummary s = RunMetrics.compute(spent(usage(1000L, 200L)), 1, PRICE).toRunSummary();

    assertThat(s.getUsage().getPromptTokens()).isEqualTo(3000L);
    assertThat(s.getUsage().getCost()).isEqualTo(0.018);
    assertThat(s.getUsage().getCostPerSuccess()).isEqualTo(0.009);
    assertThat(s.getUsage().getAgentSeconds()).isEqualTo(4.5);
    assertThat(s.getPerLevel().get("L0").getUsage().getCost()).isEqualTo(0.012);
    assertThat(s.getPerLevel().get("L1").getUsage().getCost()).isEqualTo(0.006);
    assertThat(s.getPerFramework().get("express").getUsage().getCostPerSuccess()).isNull();
    assertThat(s.getUsagePerVariant()).containsOnlyKeys("unconstrained", "postgres");
  }

  @Test
  void aRunWithoutAnyUsageHasNoUsageInItsSummary() {
    RunSummary s = RunMetrics.compute(Trials.builder().ok("flask", List.of()).build(), 1, PRICE).toRunSummary();

    assertThat(s.getUsage()).isNull();
    assertThat(s.getPerLevel().get("L0").getUsage()).isNull();
    assertThat(s.getUsagePerVariant()).isNull();
  }
}
