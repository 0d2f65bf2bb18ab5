package dev.decaybench.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.v1alpha1.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

  private static final Offset<Double> EPS = within(1e-9);
  private static final List<String> NONE = List.of();
  private static final List<String> CA = List.of("clean_architecture");
  private static final List<String> PG = List.of("postgres");

  @Test
  void passAtKMatchesHandComputedBinomials() {
    // n=5, c=2, k=3: C(3,3)/C(5,3) = 1/10 -> 1 - 0.1 = 0.9
    assertThat(RunMetrics.passAtK(5, 2, 3)).isCloseTo(0.9, EPS);
    // n=4, c=1, k=2: C(3,2)/C(4,2) = 3/6 -> 0.5
    assertThat(RunMetrics.passAtK(4, 1, 2)).isCloseTo(0.5, EPS);
    // n=10, c=3, k=1: C(7,1)/C(10,1) = 0.7 -> 0.3 = c/n (pass@1 is the success rate)
    assertThat(RunMetrics.passAtK(10, 3, 1)).isCloseTo(0.3, EPS);
    // n=3, c=1, k=3: C(2,3) = 0 -> 1 (the only draw of 3 contains the success)
    assertThat(RunMetrics.passAtK(3, 1, 3)).isCloseTo(1.0, EPS);
    // n=6, c=0: nothing can succeed
    assertThat(RunMetrics.passAtK(6, 0, 3)).isCloseTo(0.0, EPS);
    // n=8, c=3, k=3: C(5,3)/C(8,3) = 10/56 -> 46/56 = 0.8214285714
    assertThat(RunMetrics.passAtK(8, 3, 3)).isCloseTo(46.0 / 56.0, EPS);
    // fewer trials than k: 1 if any success, else 0
    assertThat(RunMetrics.passAtK(2, 1, 3)).isEqualTo(1.0);
    assertThat(RunMetrics.passAtK(2, 0, 3)).isEqualTo(0.0);
    assertThatThrownBy(() -> RunMetrics.passAtK(3, 4, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void passHatKIsTheSuccessRateToTheK() {
    // (2/3)^3 = 8/27
    assertThat(RunMetrics.passHatK(3, 2, 3)).isCloseTo(8.0 / 27.0, EPS);
    // (1/3)^3 = 1/27 = 0.0370 (the paper's aiohttp L0 row: 1 of 3)
    assertThat(RunMetrics.passHatK(3, 1, 3)).isCloseTo(1.0 / 27.0, EPS);
    assertThat(RunMetrics.passHatK(3, 3, 3)).isEqualTo(1.0);
    assertThat(RunMetrics.passHatK(4, 0, 3)).isEqualTo(0.0);
  }

  /**
   * Five tasks of three trials:
   * <pre>
   *  task                       A%            strict A%      c   failures
   *  T1 flask   unconstrained   100 90 80 =90 100 90 80 =90   1   logic/query(DL), logic/business
   *  T2 flask   clean_arch      100 100 70=90 100 100 0 =66.67 2  constraint_violation
   *  T3 flask   postgres        50 40 30 =40  50 40 30 =40    0   logic/db_runtime(DL) x2, unclassified
   *  T4 express unconstrained   100 x3   =100 100 x3   =100   3
   *  T5 express postgres        60 60 90 =70  0 60 90 =50     0   constraint_violation, schema_format, other
   * </pre>
   */
  static List<TrialRecord> handRun() {
    return Trials.builder()
        .ok("flask", NONE)
        .fail("flask", NONE, 90, 90, "logic_error", "incorrect_query_logic", true)
        .fail("flask", NONE, 80, 80, "logic_error", "business_logic_defect", false)
        .ok("flask", CA).ok("flask", CA)
        .fail("flask", CA, 70, 0, "constraint_violation", null, false)
        .fail("flask", PG, 50, 50, "logic_error", "database_runtime_error", true)
        .fail("flask", PG, 40, 40, "logic_error", "database_runtime_error", true)
        .fail("flask", PG, 30, 30, null, null, false)
        .ok("express", NONE).ok("express", NONE).ok("express", NONE)
        .fail("express", PG, 60, 0, "constraint_violation", null, false)
        .fail("express", PG, 60, 60, "schema_format_error", null, false)
        .fail("express", PG, 90, 90, "other", null, false)
        .build();
  }

  @Test
  void overallMetricsOfTheHandRun() {
    RunMetricsReport r = RunMetrics.compute(handRun());
    GroupMetrics all = r.overall();
    assertThat(r.k()).isEqualTo(3); // every task has 3 trials
    assertThat(all.tasks()).isEqualTo(5);
    assertThat(all.trials()).isEqualTo(15);
    assertThat(all.successes()).isEqualTo(6); // 1 + 2 + 0 + 3 + 0
    // A% = (90 + 90 + 40 + 100 + 70) / 5 = 390 / 5
    assertThat(all.value(Metric.A_PCT)).isCloseTo(78.0, EPS);
    // strict A% = (90 + 200/3 + 40 + 100 + 50) / 5 = (1040/3) / 5 = 69.333...
    assertThat(all.value(Metric.STRICT_A_PCT)).isCloseTo(1040.0 / 15.0, EPS);
    // pass@1 = (1/3 + 2/3 + 0 + 1 + 0) / 5 = 2/5
    assertThat(all.value(Metric.PASS_AT_1)).isCloseTo(0.4, EPS);
    // pass@3 with n = 3 is 1 when c > 0: (1 + 1 + 0 + 1 + 0) / 5
    assertThat(all.value(Metric.PASS_AT_K)).isCloseTo(0.6, EPS);
    // pass^3 = (1/27 + 8/27 + 0 + 1 + 0) / 5 = (4/3) / 5 = 4/15
    assertThat(all.value(Metric.PASS_HAT_K)).isCloseTo(4.0 / 15.0, EPS);
  }

  @Test
  void levelsFrameworksAndDecayOfTheHandRun() {
    RunMetricsReport r = RunMetrics.compute(handRun());
    assertThat(r.perLevel()).containsOnlyKeys("L0", "L1");
    // L0 = T1, T4: (90 + 100) / 2;  L1 = T2, T3, T5: (90 + 40 + 70) / 3
    assertThat(r.perLevel().get("L0").value(Metric.A_PCT)).isCloseTo(95.0, EPS);
    assertThat(r.perLevel().get("L1").value(Metric.A_PCT)).isCloseTo(200.0 / 3.0, EPS);
    assertThat(r.perLevel().get("L1").successes()).isEqualTo(2);
    // strict L1 = (200/3 + 40 + 50) / 3 = 470/9
    assertThat(r.perLevel().get("L1").value(Metric.STRICT_A_PCT)).isCloseTo(470.0 / 9.0, EPS);
    // decay L0->L1 = 200/3 - 95 = -28.333...; the other steps need L2/L3 and are absent
    assertThat(r.deltaAPct()).containsOnlyKeys("L0->L1");
    assertThat(r.deltaAPct().get("L0->L1")).isCloseTo(200.0 / 3.0 - 95.0, EPS);
    assertThat(r.deltaStrictAPct().get("L0->L1")).isCloseTo(470.0 / 9.0 - 95.0, EPS);
    // frameworks: flask (90 + 90 + 40) / 3, express (100 + 70) / 2
    assertThat(r.perFramework()).containsOnlyKeys("express", "flask");
    assertThat(r.perFramework().get("flask").value(Metric.A_PCT)).isCloseTo(220.0 / 3.0, EPS);
    assertThat(r.perFramework().get("express").value(Metric.A_PCT)).isCloseTo(85.0, EPS);
    // flask L1 = (90 + 40) / 2 = 65, so flask's decay is 65 - 90; express 70 - 100
    assertThat(r.perFrameworkLevel().get("flask").get("L1").value(Metric.A_PCT)).isCloseTo(65.0, EPS);
    assertThat(r.deltaAPctPerFramework().get("flask").get("L0->L1")).isCloseTo(-25.0, EPS);
    assertThat(r.deltaAPctPerFramework().get("express").get("L0->L1")).isCloseTo(-30.0, EPS);
    assertThat(r.tasks()).hasSize(5);
  }

  @Test
  void marginalEffectsOfTheHandRun() {
    RunMetricsReport r = RunMetrics.compute(handRun());
    assertThat(r.marginalEffects()).extracting(MarginalEffect::effect)
        .containsExactly("clean_architecture", "postgres");
    MarginalEffect ca = r.marginalEffects().get(0);
    // one pair (flask: unconstrained -> clean_architecture): A% 90 -> 90, strict 90 -> 66.67
    assertThat(ca.pairs()).isEqualTo(1);
    assertThat(ca.meanDiffAPct()).isCloseTo(0.0, EPS);
    assertThat(ca.meanDiffStrictAPct()).isCloseTo(200.0 / 3.0 - 90.0, EPS);
    assertThat(ca.seAPct()).isNull(); // no standard error from one pair
    MarginalEffect pg = r.marginalEffects().get(1);
    // pairs: flask 90 -> 40 (-50), express 100 -> 70 (-30): mean -40,
    // sd = sqrt(((-50+40)^2 + (-30+40)^2) / 1) = sqrt(200), SE = sqrt(200)/sqrt(2) = 10
    assertThat(pg.pairs()).isEqualTo(2);
    assertThat(pg.meanDiffAPct()).isCloseTo(-40.0, EPS);
    assertThat(pg.seAPct()).isCloseTo(10.0, EPS);
    // strict: flask 90 -> 40 (-50), express 100 -> 50 (-50): mean -50, SE 0
    assertThat(pg.meanDiffStrictAPct()).isCloseTo(-50.0, EPS);
    assertThat(pg.seStrictAPct()).isCloseTo(0.0, EPS);
    assertThat(pg.matchedPairs()).extracting(MatchedPair::framework).containsExactly("express", "flask");
    assertThat(pg.matchedPairs().get(1).without()).isEqualTo("unconstrained");
    assertThat(pg.matchedPairs().get(1).with()).isEqualTo("postgres");
  }

  @Test
  void failureBreakdownOfTheHandRun() {
    FailureBreakdown f = RunMetrics.compute(handRun()).failures();
    // 15 trials - 6 successes = 9 failed; one has no class
    assertThat(f.failed()).isEqualTo(9);
    assertThat(f.classified()).isEqualTo(8);
    assertThat(f.byClass()).containsExactly(Map.entry("logic_error", 4), Map.entry("constraint_violation", 2),
        Map.entry("other", 1), Map.entry("schema_format_error", 1), Map.entry("unclassified", 1));
    assertThat(f.bySubcategory()).containsOnly(Map.entry("business_logic_defect", 1),
        Map.entry("database_runtime_error", 2), Map.entry("incorrect_query_logic", 1));
    // data layer: T1 query logic + T3 database runtime x2 = 3 of 8 classified
    assertThat(f.dataLayer()).isEqualTo(3);
    assertThat(f.dataLayerShare()).isCloseTo(0.375, EPS);
    assertThat(f.byClassPerLevel().get("L0")).containsOnly(Map.entry("logic_error", 2));
    assertThat(f.byClassPerFramework().get("express")).containsOnly(Map.entry("constraint_violation", 1),
        Map.entry("schema_format_error", 1), Map.entry("other", 1));
  }

  @Test
  void runSummaryCarriesWhatTheCrdHasRounded() {
    RunSummary s = RunMetrics.compute(handRun()).toRunSummary();
    assertThat(s.getTrials()).isEqualTo(15);
    assertThat(s.getSuccesses()).isEqualTo(6);
    assertThat(s.getAPct()).isEqualTo(78.0);
    assertThat(s.getStrictAPct()).isEqualTo(69.3333);
    assertThat(s.getPassAt1()).isEqualTo(0.4);
    assertThat(s.getPassAtK()).isEqualTo(0.6);
    assertThat(s.getPassHatK()).isEqualTo(0.2667);
    assertThat(s.getK()).isEqualTo(3);
    assertThat(s.getDeltaAPct()).containsOnly(Map.entry("L0->L1", -28.3333));
    assertThat(s.getPerLevel().get("L0").getAPct()).isEqualTo(95.0);
    assertThat(s.getPerLevel().get("L1").getTrials()).isEqualTo(9);
    assertThat(s.getPerFramework().get("flask").getSuccesses()).isEqualTo(3);
    assertThat(s.getFailureClasses()).containsEntry("logic_error", 4).containsEntry("unclassified", 1);
    assertThat(s.getFailureSubcategories()).containsEntry("database_runtime_error", 2);
    assertThat(s.getDataLayerShare()).isEqualTo(0.375);
  }

  @Test
  void fullTenVariantFrameworkFormsTheDocumentedPairs() {
    // A% of a variant = 100 - 10 x (number of constraints) - 5 if it uses SQLite; one trial each.
    List<List<String>> variants = List.of(NONE, CA, PG, List.of("sqlite"),
        List.of("postgres", "sqlalchemy"), List.of("sqlite", "sqlalchemy"),
        List.of("clean_architecture", "postgres"), List.of("clean_architecture", "sqlite"),
        List.of("clean_architecture", "postgres", "sqlalchemy"),
        List.of("clean_architecture", "sqlite", "sqlalchemy"));
    Trials b = Trials.builder();
    for (List<String> v : variants) {
      double a = 100 - 10 * v.size() - (v.contains("sqlite") ? 5 : 0);
      b.fail("flask", v, a, a, "logic_error", null, false);
    }
    Map<String, MarginalEffect> effects = new java.util.LinkedHashMap<>();
    RunMetrics.compute(b.build()).marginalEffects().forEach(e -> effects.put(e.effect(), e));
    assertThat(effects.keySet()).containsExactly("clean_architecture", "postgres", "sqlite", "orm",
        "sqlalchemy", "sqlite_vs_postgres");
    // clean architecture added to each of the 5 variants without it: -10 each
    assertThat(effects.get("clean_architecture").pairs()).isEqualTo(5);
    assertThat(effects.get("clean_architecture").meanDiffAPct()).isCloseTo(-10.0, EPS);
    assertThat(effects.get("clean_architecture").seAPct()).isCloseTo(0.0, EPS);
    // a database added to unconstrained and to clean_architecture: 2 pairs each
    assertThat(effects.get("postgres").pairs()).isEqualTo(2);
    assertThat(effects.get("postgres").meanDiffAPct()).isCloseTo(-10.0, EPS);
    assertThat(effects.get("sqlite").pairs()).isEqualTo(2);
    assertThat(effects.get("sqlite").meanDiffAPct()).isCloseTo(-15.0, EPS);
    // the ORM added to postgres, sqlite, CA+postgres, CA+sqlite
    assertThat(effects.get("orm").pairs()).isEqualTo(4);
    assertThat(effects.get("orm").matchedPairs()).extracting(MatchedPair::without)
        .containsExactly("postgres", "sqlite", "clean_architecture-postgres", "clean_architecture-sqlite");
    assertThat(effects.get("orm").meanDiffAPct()).isCloseTo(-10.0, EPS);
    // the database swapped with the rest equal: postgres/sqlite, +ORM, +CA, +CA+ORM
    assertThat(effects.get("sqlite_vs_postgres").pairs()).isEqualTo(4);
    assertThat(effects.get("sqlite_vs_postgres").meanDiffAPct()).isCloseTo(-5.0, EPS);
  }

  @Test
  void kIsTheLargestTaskSizeAndShortTasksUseTheNLessThanKRule() {
    // task A: 3 trials, 0 successes; task B: 2 trials, 1 success -> k = 3
    List<TrialRecord> trials = Trials.builder()
        .fail("koa", NONE, 10, 10, "other", null, false)
        .fail("koa", NONE, 10, 10, "other", null, false)
        .fail("koa", NONE, 10, 10, "other", null, false)
        .ok("koa", CA).fail("koa", CA, 50, 50, "other", null, false)
        .build();
    RunMetricsReport r = RunMetrics.compute(trials);
    assertThat(r.k()).isEqualTo(3);
    // pass@3: A = 0 (no success), B = 1 (n=2 < k=3 and c > 0) -> 0.5
    assertThat(r.overall().value(Metric.PASS_AT_K)).isCloseTo(0.5, EPS);
    // pass^3: A = 0, B = (1/2)^3 = 1/8 -> 1/16
    assertThat(r.overall().value(Metric.PASS_HAT_K)).isCloseTo(1.0 / 16.0, EPS);
    // an explicit k overrides: pass@1 = (0 + 1/2) / 2
    assertThat(RunMetrics.compute(trials, 1).overall().value(Metric.PASS_AT_K)).isCloseTo(0.25, EPS);
  }

  @Test
  void emptyRunHasNoValuesAndDefaultK() {
    RunMetricsReport r = RunMetrics.compute(List.of());
    assertThat(r.k()).isEqualTo(RunMetrics.DEFAULT_K);
    assertThat(r.overall().trials()).isZero();
    assertThat(r.overall().value(Metric.A_PCT)).isNull();
    assertThat(r.failures().dataLayerShare()).isNull();
    assertThat(r.marginalEffects()).isEmpty();
    RunSummary s = r.toRunSummary();
    assertThat(s.getAPct()).isNull();
    assertThat(s.getDeltaAPct()).isEmpty();
  }

  @Test
  void reportSerialisesAndReadsBackWithJackson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    RunMetricsReport r = RunMetrics.compute(handRun());
    String json = mapper.writeValueAsString(r);
    assertThat(json).contains("\"aPct\":78.0").contains("\"perFrameworkLevel\"").contains("\"matchedPairs\"");
    // usage is written beside the metrics (run.json's top-level usage), not inside them
    assertThat(json).doesNotContain("\"usage\"");
    assertThat(mapper.readValue(json, RunMetricsReport.class)).usingRecursiveComparison()
        .ignoringFields("usage").isEqualTo(r);
  }

  @Test
  void comparisonUsesMatchedTasksOnly() {
    List<TrialRecord> a = handRun();
    // run B: T1 (flask unconstrained) now 100 x3, T3 (flask postgres) 70 x3, T4 missing, new koa task
    List<TrialRecord> b = new ArrayList<>(Trials.builder()
        .ok("flask", NONE).ok("flask", NONE).ok("flask", NONE)
        .ok("flask", CA).ok("flask", CA).fail("flask", CA, 70, 0, "constraint_violation", null, false)
        .fail("flask", PG, 70, 70, null, null, false).fail("flask", PG, 70, 70, null, null, false)
        .fail("flask", PG, 70, 70, null, null, false)
        .fail("express", PG, 70, 50, null, null, false)
        .ok("koa", NONE)
        .build());
    RunComparison c = RunComparison.compare("a", a, "b", b);
    assertThat(c.matchedTasks()).isEqualTo(4);
    assertThat(c.onlyInA()).containsExactly("express-openapi-unconstrained");
    assertThat(c.onlyInB()).containsExactly("koa-openapi-unconstrained");
    // per-task d = B - A: T1 100-90 = 10, T2 90-90 = 0, T3 70-40 = 30, T5 70-70 = 0
    // mean 10; deviations 0,-10,20,-10 -> sd = sqrt(600/3) = sqrt(200); SE = sqrt(200)/2
    assertThat(c.overall().deltaAPct()).isCloseTo(10.0, EPS);
    assertThat(c.overall().seAPct()).isCloseTo(Math.sqrt(200) / 2, EPS);
    assertThat(c.overall().aPctA()).isCloseTo((90 + 90 + 40 + 70) / 4.0, EPS);
    assertThat(c.overall().aPctB()).isCloseTo((100 + 90 + 70 + 70) / 4.0, EPS);
    // L0 has only T1 (T4 unmatched): one task -> no standard error
    assertThat(c.perLevel().get("L0").tasks()).isEqualTo(1);
    assertThat(c.perLevel().get("L0").deltaAPct()).isCloseTo(10.0, EPS);
    assertThat(c.perLevel().get("L0").seAPct()).isNull();
    // flask: d = 10, 0, 30 -> mean 40/3
    assertThat(c.perFramework().get("flask").deltaAPct()).isCloseTo(40.0 / 3.0, EPS);
    // express T5 strict: A 50, B 50 -> 0
    assertThat(c.perFramework().get("express").deltaStrictAPct()).isCloseTo(0.0, EPS);
  }
}
