package dev.decaybench.model.metrics;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.TokenPrice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The paper's metrics, computed once for every consumer: the local reports, {@code decaybench
 * compare} and the operator's run status. Pure functions of a list of {@link TrialRecord}s, no I/O.
 *
 * <p>Definitions (docs/metrics.md): a task has n trials and c successes. A% and strict A% are the
 * mean over a task's trials, then the mean over tasks. pass@k = 1 - C(n-c,k)/C(n,k) (unbiased; when
 * n &lt; k it is 1 if c &gt; 0 else 0), pass^k = (c/n)^k, both averaged over tasks. k is the run's
 * repeats: the largest n of any task unless given. Constraint decay is the difference of level
 * A%s; a constraint's marginal effect is the mean difference over matched pairs of variants.
 */
public final class RunMetrics {

  /** k when a run has no trials yet: the paper's three repeats. */
  public static final int DEFAULT_K = 3;

  /** Constraints that name an ORM; pooled as the {@code orm} effect. */
  public static final Set<String> ORM_CONSTRAINTS =
      Set.of(ConstraintVariant.SQLALCHEMY, ConstraintVariant.SEQUELIZE);

  /** The level pairs of the constraint decay, in report order. */
  public static final List<int[]> DECAY_STEPS =
      List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {0, 3});

  private static final String UNKNOWN = "unknown";

  private RunMetrics() {}

  /** All metrics with k = the run's repeats as seen in the data ({@link #defaultK}). */
  public static RunMetricsReport compute(List<TrialRecord> trials) {
    return compute(trials, defaultK(trials));
  }

  /** All metrics with the given k (the run's configured repeats); usage as the records carry it. */
  public static RunMetricsReport compute(List<TrialRecord> trials, int k) {
    return compute(trials, k, null);
  }

  /**
   * All metrics with the given k, and what the trials cost with each trial priced at
   * {@code price} ({@code spec.agent.price}; null keeps each record's own cost).
   */
  public static RunMetricsReport compute(List<TrialRecord> trials, int k, TokenPrice price) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    List<TrialRecord> all = List.copyOf(trials);
    List<TaskMetrics> tasks = perTask(all);
    Map<String, GroupMetrics> perLevel = new LinkedHashMap<>();
    groupBy(all, t -> t.level()).forEach((level, ts) -> perLevel.put(RunSummary.levelKey(level), group(ts, k)));
    Map<String, GroupMetrics> perFramework = new LinkedHashMap<>();
    Map<String, Map<String, GroupMetrics>> perFrameworkLevel = new LinkedHashMap<>();
    Map<String, Map<String, Double>> decayPerFramework = new LinkedHashMap<>();
    groupBy(all, RunMetrics::framework).forEach((fw, ts) -> {
      perFramework.put(fw, group(ts, k));
      Map<String, GroupMetrics> levels = new LinkedHashMap<>();
      groupBy(ts, t -> t.level()).forEach((level, lts) -> levels.put(RunSummary.levelKey(level), group(lts, k)));
      perFrameworkLevel.put(fw, levels);
      decayPerFramework.put(fw, decay(levels, Metric.A_PCT));
    });
    return new RunMetricsReport(k, group(all, k), perLevel, perFramework, perFrameworkLevel,
        decay(perLevel, Metric.A_PCT), decay(perLevel, Metric.STRICT_A_PCT),
        decayPerFramework, MarginalEffects.of(tasks), failures(all), tasks, UsageReport.of(all, price));
  }

  /** The run's repeats as seen in the data: the largest number of trials of one task; 3 if none. */
  public static int defaultK(Collection<TrialRecord> trials) {
    return perTask(trials).stream().mapToInt(TaskMetrics::trials).max().orElse(DEFAULT_K);
  }

  /**
   * The metrics of any subset of trials (a level, a framework, tasks with a given constraint, ...):
   * per-task means first, then means over the subset's tasks.
   */
  public static GroupMetrics group(Collection<TrialRecord> trials, int k) {
    List<TaskMetrics> tasks = perTask(trials);
    if (tasks.isEmpty()) {
      return GroupMetrics.empty();
    }
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      values.put(m, m.over(tasks, k));
    }
    int successes = (int) trials.stream().filter(TrialRecord::success).count();
    return new GroupMetrics(tasks.size(), trials.size(), successes, values);
  }

  /** Trials folded per task name, in task-name order. */
  public static List<TaskMetrics> perTask(Collection<TrialRecord> trials) {
    List<TaskMetrics> out = new ArrayList<>();
    groupBy(trials, RunMetrics::taskName).forEach((task, ts) -> {
      TrialRecord first = ts.get(0);
      List<Double> plus = ts.stream().map(TrialRecord::strictAPctPlus).filter(v -> v != null).toList();
      List<Double> ext = ts.stream()
          .filter(t -> t.extendedTotal() != null && t.extendedTotal() > 0 && t.extendedPassed() != null)
          .map(t -> 100.0 * t.extendedPassed() / t.extendedTotal()).toList();
      out.add(new TaskMetrics(task, framework(first), first.level(),
          first.constraints() == null ? List.of() : List.copyOf(first.constraints()),
          ts.size(), (int) ts.stream().filter(TrialRecord::success).count(),
          ts.stream().mapToDouble(TrialRecord::aPct).average().orElseThrow(),
          ts.stream().mapToDouble(TrialRecord::strictAPct).average().orElseThrow(),
          plus.isEmpty() ? null : plus.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          ext.isEmpty() ? null : ext.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
    });
    return out;
  }

  /**
   * Unbiased pass@k of one task: the probability that at least one of k trials drawn without
   * replacement from its n trials succeeds, 1 - C(n-c,k)/C(n,k). With fewer than k trials: 1 when
   * any succeeded, else 0.
   */
  public static double passAtK(int n, int c, int k) {
    checkCounts(n, c, k);
    if (n < k) {
      return c > 0 ? 1.0 : 0.0;
    }
    if (n - c < k) {
      return 1.0; // every draw of k trials contains a success: C(n-c,k) = 0
    }
    // C(n-c,k)/C(n,k) = prod_{j=0}^{k-1} (n-c-j)/(n-j), computed without large binomials.
    double allFail = 1.0;
    for (int j = 0; j < k; j++) {
      allFail *= (double) (n - c - j) / (n - j);
    }
    return 1.0 - allFail;
  }

  /** pass^k of one task: (c/n)^k, the chance that k independent attempts all succeed. */
  public static double passHatK(int n, int c, int k) {
    checkCounts(n, c, k);
    return Math.pow((double) c / n, k);
  }

  /** Mean and standard error of the mean (sample sd / sqrt(m); null when m &lt; 2). */
  public record MeanSe(int n, Double mean, Double se) {}

  /** Mean and standard error of the mean of the values. */
  public static MeanSe meanSe(List<Double> values) {
    int m = values.size();
    if (m == 0) {
      return new MeanSe(0, null, null);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / m;
    if (m < 2) {
      return new MeanSe(1, mean, null);
    }
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new MeanSe(m, mean, Math.sqrt(ss / (m - 1)) / Math.sqrt(m));
  }

  /** Rounds to 4 decimals, keeping null. */
  public static Double round4(Double v) {
    return v == null ? null : Math.round(v * 10000.0) / 10000.0;
  }

  /** Rounds to 6 decimals (costs: a trial may cost a fraction of a cent), keeping null. */
  public static Double round6(Double v) {
    return v == null ? null : Math.round(v * 1_000_000.0) / 1_000_000.0;
  }

  // ---------------------------------------------------------------- decay

  private static Map<String, Double> decay(Map<String, GroupMetrics> levels, Metric metric) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int[] step : DECAY_STEPS) {
      GroupMetrics from = levels.get(RunSummary.levelKey(step[0]));
      GroupMetrics to = levels.get(RunSummary.levelKey(step[1]));
      if (from != null && to != null && from.value(metric) != null && to.value(metric) != null) {
        out.put(RunSummary.deltaKey(step[0], step[1]), to.value(metric) - from.value(metric));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- failures

  private static FailureBreakdown failures(List<TrialRecord> trials) {
    List<TrialRecord> failed = trials.stream().filter(t -> !t.success()).toList();
    Map<String, Integer> byClass = classCounts(failed);
    Map<String, Integer> bySub = new TreeMap<>();
    failed.stream().filter(t -> t.failureSubcategory() != null)
        .forEach(t -> bySub.merge(t.failureSubcategory(), 1, Integer::sum));
    int classified = (int) failed.stream().filter(t -> t.failureCoarse() != null).count();
    int dataLayer = (int) failed.stream().filter(t -> t.failureCoarse() != null && t.dataLayer()).count();
    Map<String, Map<String, Integer>> perLevel = new LinkedHashMap<>();
    groupBy(failed, t -> t.level()).forEach((l, ts) -> perLevel.put(RunSummary.levelKey(l), classCounts(ts)));
    Map<String, Map<String, Integer>> perFw = new LinkedHashMap<>();
    groupBy(failed, RunMetrics::framework).forEach((fw, ts) -> perFw.put(fw, classCounts(ts)));
    return new FailureBreakdown(failed.size(), classified, byClass, new LinkedHashMap<>(bySub), dataLayer,
        classified == 0 ? null : (double) dataLayer / classified, perLevel, perFw);
  }

  /** Counts per coarse class, largest first (ties by name). */
  private static Map<String, Integer> classCounts(List<TrialRecord> failed) {
    Map<String, Integer> counts = new TreeMap<>();
    failed.forEach(t -> counts.merge(t.failureCoarse() == null ? FailureBreakdown.UNCLASSIFIED : t.failureCoarse(),
        1, Integer::sum));
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  // ---------------------------------------------------------------- helpers

  static String framework(TrialRecord t) {
    return t.framework() == null || t.framework().isBlank() ? UNKNOWN : t.framework();
  }

  static String taskName(TrialRecord t) {
    return t.task() == null || t.task().isBlank() ? UNKNOWN : t.task();
  }

  static String variantName(List<String> constraints) {
    return constraints == null || constraints.isEmpty() ? "unconstrained" : String.join("-", constraints);
  }

  /** Groups in natural key order, keeping the trials' order inside a group. */
  private static <K extends Comparable<K>> Map<K, List<TrialRecord>> groupBy(Collection<TrialRecord> trials,
      Function<TrialRecord, K> key) {
    Map<K, List<TrialRecord>> out = new TreeMap<>();
    trials.forEach(t -> out.computeIfAbsent(key.apply(t), x -> new ArrayList<>()).add(t));
    return out;
  }

  static <T> double mean(List<T> items, ToDoubleFunction<T> f) {
    return items.stream().mapToDouble(f).average().orElseThrow();
  }

  private static void checkCounts(int n, int c, int k) {
    if (n < 1 || c < 0 || c > n || k < 1) {
      throw new IllegalArgumentException("need n >= 1, 0 <= c <= n, k >= 1; got n=" + n + " c=" + c + " k=" + k);
    }
  }
}
