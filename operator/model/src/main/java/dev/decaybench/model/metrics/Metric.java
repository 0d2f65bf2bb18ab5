package dev.decaybench.model.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The metrics of a group of trials, declared once. Each is a value per task (over the task's own
 * trials) averaged over the group's tasks that have one, so a task with more trials does not weigh
 * more (docs/metrics.md). {@link RunMetrics#group} computes every declaration; run.json carries
 * them all, the Markdown and HTML reports show those {@link Shown#REPORTS in reports}, the
 * EvaluationRun status those {@link Shown#STATUS in the status} (a typed field of the same name in
 * GroupSummary and RunSummary, so the CRD has a schema for it: MetricDeclarationsTest keeps the
 * two in step). Adding a metric is one constant here plus its test.
 */
public enum Metric {

  A_PCT("aPct", "A%", Scale.PERCENT, (t, k) -> t.aPct(), Shown.REPORTS, Shown.STATUS),
  STRICT_A_PCT("strictAPct", "Strict A%", Scale.PERCENT, (t, k) -> t.strictAPct(),
      Shown.REPORTS, Shown.STATUS),
  /** Strict A% that also needs decaybench's stronger verifiers; only trials that carry it. */
  STRICT_A_PCT_PLUS("strictAPctPlus", "Strict A%+", Scale.PERCENT,
      (t, k) -> t.strictAPctPlus(), Shown.REPORTS),
  /** Share of the extended suite's checks passed; beside A%, never mixed into it. */
  EXTENDED_PCT("extendedPct", "Extended suite %", Scale.PERCENT, (t, k) -> t.extendedPct()),
  PASS_AT_1("passAt1", "pass@1", Scale.FRACTION, (t, k) -> (double) t.successes() / t.trials(),
      Shown.REPORTS, Shown.STATUS),
  PASS_AT_K("passAtK", "pass@{k}", Scale.FRACTION,
      (t, k) -> RunMetrics.passAtK(t.trials(), t.successes(), k), Shown.REPORTS, Shown.STATUS),
  PASS_HAT_K("passHatK", "pass^{k}", Scale.FRACTION,
      (t, k) -> RunMetrics.passHatK(t.trials(), t.successes(), k), Shown.REPORTS, Shown.STATUS);

  /** Where a metric is shown beyond run.json. */
  public enum Shown { REPORTS, STATUS }

  /** How a value reads: a percentage 0..100 (2 decimals) or a fraction 0..1 (4 decimals). */
  public enum Scale {
    PERCENT(2), FRACTION(4);

    private final int decimals;

    Scale(int decimals) {
      this.decimals = decimals;
    }

    public int decimals() {
      return decimals;
    }

    public String format(Double value) {
      return value == null ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
  }

  /** A task's value; null when the task has none (e.g. no trial carried strict A%+). */
  @FunctionalInterface
  interface PerTask {
    Double of(TaskMetrics task, int k);
  }

  private final String key;
  private final String title;
  private final Scale scale;
  private final PerTask perTask;
  private final Set<Shown> shown;

  Metric(String key, String title, Scale scale, PerTask perTask, Shown... shown) {
    this.key = key;
    this.title = title;
    this.scale = scale;
    this.perTask = perTask;
    this.shown = Set.of(shown);
  }

  /** Its name in run.json, the HTML report's data and the EvaluationRun status. */
  public String key() {
    return key;
  }

  /** Column title in the reports; {@code k} replaces {k} (pass@3). */
  public String title(int k) {
    return title.replace("{k}", Integer.toString(k));
  }

  public Scale scale() {
    return scale;
  }

  /** Every metric is better higher; a metric where lower wins must say so here first. */
  public boolean higherIsBetter() {
    return true;
  }

  public boolean shownIn(Shown where) {
    return shown.contains(where);
  }

  /** The metrics shown in {@code where}, in declaration order. */
  public static List<Metric> listedIn(Shown where) {
    return Arrays.stream(values()).filter(m -> m.shownIn(where)).toList();
  }

  /** Mean over the tasks that have a value; null when none has. */
  Double over(List<TaskMetrics> tasks, int k) {
    OptionalDouble mean = tasks.stream().map(t -> perTask.of(t, k)).filter(Objects::nonNull)
        .mapToDouble(Double::doubleValue).average();
    return mean.isPresent() ? mean.getAsDouble() : null;
  }
}
