package dev.decaybench.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks RunMetrics against the paper's aggregated results ({@code paper/global_stats.csv}, a copy
 * of ../shared/reference/constraint-decay/global_stats.csv, 92 rows of one agent/model).
 *
 * <p>The CSV has no per-task rows, only per-group totals: n_executed (trials), n_succeeded and the
 * rounded pass@1, pass@3, pass^3 and A%. Every group's n_executed is a multiple of 3, so every task
 * ran 3 times (the paper's n = 3). With n = 3 a task contributes to pass@3 "1 if c &gt; 0" and to
 * pass^3 (c/3)^3, so a group of T tasks is described by (t0, t1, t2, t3), the number of tasks with
 * 0..3 successes, and the three columns give three linear equations:
 * <pre>
 *   t1 + t2 + t3          = T - t0           (pass@3 = (T - t0) / T)
 *   t1 + 2 t2 + 3 t3      = n_succeeded
 *   t1 + 8 t2 + 27 t3     = 27 T pass^3      (pass^3 = (t1/27 + 8 t2/27 + t3) / T)
 * </pre>
 * which this test solves for every row. That a non-negative integer solution exists for all 92 rows
 * and that the solutions add up across granularities (levels to frameworks, frameworks to runtimes
 * and to the whole run) shows that the paper averages pass@k and pass^k per task and then over
 * tasks, as RunMetrics does. Each reconstructed group is then fed through {@link RunMetrics#group}
 * as synthetic trials and must give the CSV's pass_at_1, pass_at_3, pass_power_3 to 4 decimals.
 *
 * <p>passed_assertions_perc / strict_assertions_perc cannot be reproduced from counts: they need
 * every trial's A%, which the CSV does not have. What can be checked is the averaging rule: a
 * framework's A% must equal its levels' A%s weighted by their number of tasks (mean over tasks),
 * not the plain mean of the four level values.
 */
class PaperGlobalStatsTest {

  private static final double CSV_ROUNDING = 5e-5 + 1e-9;

  /** One row of the paper's CSV. */
  record Row(String granularity, String group, Integer level, double passAt1, double passAt3,
      double passPower3, double aFrac, double strictFrac, int succeeded, int executed) {
    String key() {
      return granularity + "/" + group + "/" + (level == null ? "*" : level);
    }
  }

  /** Tasks with 0, 1, 2, 3 successes out of 3. */
  record Counts(int t0, int t1, int t2, int t3) {
    Counts plus(Counts o) {
      return new Counts(t0 + o.t0, t1 + o.t1, t2 + o.t2, t3 + o.t3);
    }

    int tasks() {
      return t0 + t1 + t2 + t3;
    }
  }

  private static List<Row> rows;
  private static final Map<String, Row> BY_KEY = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        PaperGlobalStatsTest.class.getResourceAsStream("/paper/global_stats.csv")), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      assertThat(header).isEqualTo("agent,model,granularity,group,n_constraints,pass_at_1,pass_at_3,"
          + "pass_power_3,passed_assertions_perc,strict_assertions_perc,n_succeeded,n_executed");
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        Row row = new Row(f[2], f[3], f[4].isEmpty() ? null : Integer.parseInt(f[4]),
            Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
            Double.parseDouble(f[8]), Double.parseDouble(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]));
        rows.add(row);
        BY_KEY.put(row.key(), row);
      }
    }
    assertThat(rows).hasSize(92);
  }

  /** Solves the three equations of the class comment; fails when no per-task counts fit. */
  static Counts reconstruct(Row row) {
    assertThat(row.executed() % 3).as("%s: every task ran 3 times", row.key()).isZero();
    int tasks = row.executed() / 3;
    int withSuccess = (int) Math.round(row.passAt3() * tasks);
    int t0 = tasks - withSuccess;
    long cubeSum = Math.round(27.0 * tasks * row.passPower3()); // t1 + 8 t2 + 27 t3
    assertThat(Math.abs(27.0 * tasks * row.passPower3() - cubeSum))
        .as("%s: 27 T pass^3 is an integer up to rounding", row.key()).isLessThan(27.0 * tasks * CSV_ROUNDING);
    // u = t2 + 2 t3 (second minus first equation), v = 6 t2 + 24 t3 (third minus second);
    // with t2 = u - 2 t3: 6u + 12 t3 = v, so t3 = (v - 6u) / 12
    long u = row.succeeded() - withSuccess;
    long v = cubeSum - row.succeeded();
    long twelveT3 = v - 6 * u;
    assertThat(twelveT3 % 12).as("%s: t3 is an integer", row.key()).isZero();
    int t3 = (int) (twelveT3 / 12);
    int t2 = (int) (u - 2L * t3);
    int t1 = withSuccess - t2 - t3;
    Counts c = new Counts(t0, t1, t2, t3);
    assertThat(List.of(t0, t1, t2, t3)).as("%s: counts %s are non-negative", row.key(), c)
        .allMatch(x -> x >= 0);
    return c;
  }

  /** Synthetic trials for the counts: each task 3 trials, its first c successful. */
  static List<TrialRecord> trials(Counts c) {
    Trials b = Trials.builder();
    int[] perC = {c.t0(), c.t1(), c.t2(), c.t3()};
    int task = 0;
    for (int successes = 0; successes <= 3; successes++) {
      for (int i = 0; i < perC[successes]; i++, task++) {
        String fw = "fw" + task;
        for (int r = 0; r < 3; r++) {
          if (r < successes) {
            b.ok(fw, List.of());
          } else {
            b.fail(fw, List.of(), 50, 50, "logic_error", null, false);
          }
        }
      }
    }
    return b.build();
  }

  @Test
  void passColumnsOfEveryRowFollowFromPerTaskCounts() {
    for (Row row : rows) {
      Counts c = reconstruct(row);
      GroupMetrics g = RunMetrics.group(trials(c), 3);
      assertThat(g.trials()).as(row.key()).isEqualTo(row.executed());
      assertThat(g.successes()).as(row.key()).isEqualTo(row.succeeded());
      assertThat(g.value(Metric.PASS_AT_1)).as("%s pass_at_1", row.key()).isCloseTo(row.passAt1(), within(CSV_ROUNDING));
      assertThat(g.value(Metric.PASS_AT_K)).as("%s pass_at_3", row.key()).isCloseTo(row.passAt3(), within(CSV_ROUNDING));
      assertThat(g.value(Metric.PASS_HAT_K)).as("%s pass_power_3", row.key()).isCloseTo(row.passPower3(), within(CSV_ROUNDING));
    }
  }

  @Test
  void someRowsByHand() {
    // aiohttp L0: one task, 1 of 3: pass@1 1/3, pass@3 1 (C(2,3) = 0), pass^3 (1/3)^3 = 0.0370
    assertThat(reconstruct(BY_KEY.get("framework/aiohttp/0"))).isEqualTo(new Counts(0, 1, 0, 0));
    // aiohttp L1: 3 tasks, 7 of 9, pass@3 1, pass^3 0.5309 = (1 + 8/27 + 8/27) / 3 -> c = 3, 2, 2
    assertThat(reconstruct(BY_KEY.get("framework/aiohttp/1"))).isEqualTo(new Counts(0, 0, 2, 1));
    assertThat((1 + 8 / 27.0 + 8 / 27.0) / 3).isCloseTo(0.5309, within(CSV_ROUNDING));
    // fastify L1: 3 tasks, none succeeded: everything 0
    assertThat(reconstruct(BY_KEY.get("framework/fastify/1"))).isEqualTo(new Counts(3, 0, 0, 0));
  }

  @Test
  void reconstructedTasksAddUpAcrossGranularities() {
    List<String> frameworks = List.of("aiohttp", "django", "express", "fastapi", "fastify", "flask", "hono", "koa");
    Map<String, List<String>> runtimes = Map.of(
        "uv", List.of("aiohttp", "django", "fastapi", "flask"),
        "node", List.of("express", "fastify", "hono", "koa"));
    Counts global = new Counts(0, 0, 0, 0);
    for (String fw : frameworks) {
      Counts levels = new Counts(0, 0, 0, 0);
      for (int l = 0; l <= 3; l++) {
        levels = levels.plus(reconstruct(BY_KEY.get("framework/" + fw + "/" + l)));
      }
      assertThat(levels).as("levels of %s add up to the framework", fw)
          .isEqualTo(reconstruct(BY_KEY.get("framework/" + fw + "/*")));
      global = global.plus(levels);
    }
    assertThat(global).isEqualTo(reconstruct(BY_KEY.get("global/all/*")));
    for (var rt : runtimes.entrySet()) {
      Counts sum = new Counts(0, 0, 0, 0);
      for (String fw : rt.getValue()) {
        sum = sum.plus(reconstruct(BY_KEY.get("framework/" + fw + "/*")));
      }
      assertThat(sum).as(rt.getKey()).isEqualTo(reconstruct(BY_KEY.get("runtime/" + rt.getKey() + "/*")));
      for (int l = 0; l <= 3; l++) {
        Counts lsum = new Counts(0, 0, 0, 0);
        for (String fw : rt.getValue()) {
          lsum = lsum.plus(reconstruct(BY_KEY.get("framework/" + fw + "/" + l)));
        }
        assertThat(lsum).isEqualTo(reconstruct(BY_KEY.get("runtime/" + rt.getKey() + "/" + l)));
      }
    }
    for (int l = 0; l <= 3; l++) {
      Counts lsum = new Counts(0, 0, 0, 0);
      for (String fw : frameworks) {
        lsum = lsum.plus(reconstruct(BY_KEY.get("framework/" + fw + "/" + l)));
      }
      assertThat(lsum).isEqualTo(reconstruct(BY_KEY.get("global/all/" + l)));
    }
    // constraint_type rows are the union of the framework_constraint rows of that constraint
    for (String constraint : List.of("clean_architecture", "postgres", "sqlite", "sqlalchemy", "sequelize")) {
      Counts sum = new Counts(0, 0, 0, 0);
      for (String fw : frameworks) {
        Row row = BY_KEY.get("framework_constraint/" + fw + ":" + constraint + "/*");
        if (row != null) {
          sum = sum.plus(reconstruct(row));
        }
      }
      assertThat(sum).as(constraint).isEqualTo(reconstruct(BY_KEY.get("constraint_type/" + constraint + "/*")));
    }
    // 78 tasks x 3 = 234 trials in the paper's run
    assertThat(global.tasks()).isEqualTo(78);
  }

  @Test
  void frameworkAssertionPercentIsTheMeanOverTasksNotOverLevels() {
    // Per-trial A% is not in the CSV; give every task of a level that level's A% and let RunMetrics
    // average the framework: it must land on the CSV's framework value (weights = tasks per level).
    for (String fw : List.of("aiohttp", "django", "express", "fastapi", "fastify", "flask", "hono", "koa")) {
      List<TrialRecord> trials = new ArrayList<>();
      double meanOfLevels = 0;
      for (int l = 0; l <= 3; l++) {
        Row row = BY_KEY.get("framework/" + fw + "/" + l);
        meanOfLevels += row.aFrac() / 4;
        for (int t = 0; t < row.executed() / 3; t++) {
          for (int r = 0; r < 3; r++) {
            trials.add(new TrialRecord(fw + l + "t" + t + "r" + r, fw + "-L" + l + "-t" + t, fw, l, List.of(), r,
                100 * row.aFrac(), 100 * row.strictFrac(), null, false, null, null, null, null, false, 0));
          }
        }
      }
      Row fwRow = BY_KEY.get("framework/" + fw + "/*");
      GroupMetrics g = RunMetrics.group(trials, 3);
      assertThat(g.value(Metric.A_PCT) / 100).as("%s A%%", fw).isCloseTo(fwRow.aFrac(), within(2 * CSV_ROUNDING));
      assertThat(g.value(Metric.STRICT_A_PCT) / 100).as("%s strict A%%", fw).isCloseTo(fwRow.strictFrac(), within(2 * CSV_ROUNDING));
      assertThat(Math.abs(meanOfLevels - fwRow.aFrac())).as("%s: level-mean rule is rejected", fw)
          .isGreaterThan(2 * CSV_ROUNDING);
    }
  }
}
