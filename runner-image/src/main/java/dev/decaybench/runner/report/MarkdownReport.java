package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.FailureBreakdown;
import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.MarginalEffect;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetrics;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.UsageReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code report.md}: the paper's tables for one run. */
public final class MarkdownReport {

  public static final String FILE_NAME = "report.md";

  private static final List<String> LEVELS = List.of("L0", "L1", "L2", "L3");

  private MarkdownReport() {}

  public static String render(RunMetadata meta, RunMetricsReport m, List<TrialEntry> trials, List<String> warnings,
      String generatedAt) {
    return render(meta, m, null, trials, warnings, generatedAt);
  }

  /** With {@code usage} (may be null), a "What it cost" section follows the A% tables. */
  public static String render(RunMetadata meta, RunMetricsReport m, UsageReport usage, List<TrialEntry> trials,
      List<String> warnings, String generatedAt) {
    StringBuilder md = new StringBuilder();
    md.append("# decaybench report: ").append(text(meta.name())).append("\n\n");
    List<String> facts = new ArrayList<>();
    facts.add("agent " + text(meta.agent()));
    if (meta.model() != null) {
      facts.add("model " + text(meta.model()));
    }
    if (meta.suite() != null) {
      facts.add("suite " + text(meta.suite()));
    }
    long excluded = trials.stream().filter(t -> !t.counted()).count();
    facts.add(m.overall().trials() + " trials counted of " + m.overall().tasks() + " tasks ("
        + excluded + " crashed, left out)");
    facts.add("k = " + m.k());
    facts.add("generated " + generatedAt);
    md.append(String.join(" · ", facts)).append("\n\n");
    md.append("A% = passed assertions of the paper's suite (mean over a task's trials, then over tasks); "
        + "strict A% counts a trial 0 when a paper verifier fails; strict A%+ also needs decaybench's stronger "
        + "verifiers. pass@k is the unbiased estimator, pass^k = (c/n)^k. See docs/metrics.md.\n\n");

    md.append("## Overall\n\n");
    groupHeader(md, "Group", m.k());
    groupRow(md, "all", m.overall());

    md.append("\n## Per level\n\n");
    groupHeader(md, "Level", m.k());
    m.perLevel().forEach((l, g) -> groupRow(md, l, g));

    md.append("\n## Per framework\n\n");
    groupHeader(md, "Framework", m.k());
    m.perFramework().forEach((fw, g) -> groupRow(md, fw, g));

    md.append("\n## A% per framework and level\n\n");
    md.append("| Framework | L0 | L1 | L2 | L3 | ΔA% L0→L3 |\n|---|---:|---:|---:|---:|---:|\n");
    m.perFrameworkLevel().forEach((fw, levels) -> {
      md.append("| ").append(text(fw));
      for (String l : LEVELS) {
        GroupMetrics g = levels.get(l);
        md.append(" | ").append(g == null ? "–" : pct(g.value(Metric.A_PCT)));
      }
      md.append(" | ").append(signed(m.deltaAPctPerFramework().get(fw).get("L0->L3"))).append(" |\n");
    });
    md.append("| **all**");
    for (String l : LEVELS) {
      GroupMetrics g = m.perLevel().get(l);
      md.append(" | ").append(g == null ? "–" : "**" + pct(g.value(Metric.A_PCT)) + "**");
    }
    md.append(" | **").append(signed(m.deltaAPct().get("L0->L3"))).append("** |\n");
    if (usage != null) {
      CostSection.render(md, m, usage);
    }

    md.append("\n## Constraint decay\n\n");
    md.append("Difference of the level means (later minus earlier level; negative = decay).\n\n");
    md.append("| Step | ΔA% | Δ strict A% |\n|---|---:|---:|\n");
    for (int[] step : RunMetrics.DECAY_STEPS) {
      String key = "L" + step[0] + "->L" + step[1];
      md.append("| L").append(step[0]).append(" → L").append(step[1]).append(" | ")
          .append(signed(m.deltaAPct().get(key))).append(" | ").append(signed(m.deltaStrictAPct().get(key)))
          .append(" |\n");
    }

    md.append("\n## Marginal effect of each constraint\n\n");
    if (m.marginalEffects().isEmpty()) {
      md.append("No matched pairs: the run has no two variants of one framework that differ by one constraint.\n");
    } else {
      md.append("Mean difference over matched pairs (two variants of the same framework that differ only by the "
          + "constraint), ± standard error of the mean.\n\n");
      md.append("| Effect | Comparison | Pairs | ΔA% ± SE | Δ strict A% ± SE |\n|---|---|---:|---:|---:|\n");
      for (MarginalEffect e : m.marginalEffects()) {
        md.append("| ").append(text(e.effect())).append(" | ").append(text(e.comparison())).append(" | ")
            .append(e.pairs()).append(" | ").append(withSe(e.meanDiffAPct(), e.seAPct())).append(" | ")
            .append(withSe(e.meanDiffStrictAPct(), e.seStrictAPct())).append(" |\n");
      }
    }

    FailureBreakdown f = m.failures();
    md.append("\n## Failures\n\n");
    if (f.failed() == 0) {
      md.append("No failed trials.\n");
    } else {
      md.append(f.failed()).append(" failed trials, ").append(f.classified()).append(" classified.\n\n");
      md.append("| Failure class | Trials | Share of failed |\n|---|---:|---:|\n");
      f.byClass().forEach((c, n) -> md.append("| ").append(text(c)).append(" | ").append(n).append(" | ")
          .append(share(n, f.failed())).append(" |\n"));
      if (!f.bySubcategory().isEmpty()) {
        int subs = f.bySubcategory().values().stream().mapToInt(Integer::intValue).sum();
        md.append("\n| logic_error subcategory | Trials | Share |\n|---|---:|---:|\n");
        f.bySubcategory().forEach((c, n) -> md.append("| ").append(text(c)).append(" | ").append(n).append(" | ")
            .append(share(n, subs)).append(" |\n"));
      }
      md.append("\n**Data-layer share:** ")
          .append(f.dataLayerShare() == null ? "– (nothing classified)"
              : String.format(Locale.ROOT, "%.1f%% (%d of %d classified failures: incorrect_query_logic + "
                  + "database_runtime_error)", 100 * f.dataLayerShare(), f.dataLayer(), f.classified()))
          .append("\n");
      md.append("\n| Level | ").append(String.join(" | ", f.byClass().keySet())).append(" |\n|---|");
      f.byClass().keySet().forEach(c -> md.append("---:|"));
      md.append('\n');
      f.byClassPerLevel().forEach((l, counts) -> {
        md.append("| ").append(l);
        f.byClass().keySet().forEach(c -> md.append(" | ").append(counts.getOrDefault(c, 0)));
        md.append(" |\n");
      });
    }

    List<TrialEntry> crashedTrials = trials.stream().filter(TrialEntry::crashed).toList();
    if (!crashedTrials.isEmpty()) {
      // timed-out trials count as A% 0; crashed ones are left out of the numbers (TrialGrading)
      md.append("\n## Crashed trials\n\n| Trial | Status | Counted | Error |\n|---|---|---|---|\n");
      crashedTrials.forEach(t -> md.append("| ").append(text(t.id())).append(" | ")
          .append(text(t.status())).append(" | ").append(t.counted() ? "A% 0" : "left out").append(" | ")
          .append(text(t.error() == null ? "–" : t.error())).append(" |\n"));
    }
    if (!warnings.isEmpty()) {
      md.append("\n## Warnings\n\n");
      warnings.forEach(w -> md.append("* ").append(text(w)).append('\n'));
    }
    md.append("\nPer-trial details: `report.html` (open it in a browser; no network needed) and `trials/<id>/`.\n");
    return md.toString();
  }

  /** The counts, then every metric declared for reports (Metric), in declaration order. */
  private static void groupHeader(StringBuilder md, String first, int k) {
    md.append("| ").append(first).append(" | Tasks | Trials | Successes");
    Metric.listedIn(Metric.Shown.REPORTS).forEach(m -> md.append(" | ").append(m.title(k)));
    md.append(" |\n|---|---:|---:|---:");
    Metric.listedIn(Metric.Shown.REPORTS).forEach(m -> md.append("|---:"));
    md.append("|\n");
  }

  private static void groupRow(StringBuilder md, String name, GroupMetrics g) {
    md.append("| ").append(text(name)).append(" | ").append(g.tasks()).append(" | ").append(g.trials()).append(" | ")
        .append(g.successes());
    Metric.listedIn(Metric.Shown.REPORTS)
        .forEach(m -> md.append(" | ").append(m.scale().format(g.value(m))));
    md.append(" |\n");
  }

  static String pct(Double v) {
    return Metric.Scale.PERCENT.format(v);
  }

  static String signed(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%+.2f", v);
  }

  static String withSe(Double mean, Double se) {
    return mean == null ? "–" : signed(mean) + (se == null ? " (1 pair, no SE)" : String.format(Locale.ROOT, " ± %.2f", se));
  }

  private static String share(int n, int of) {
    return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
  }

  /** Markdown table cells: no pipes or line breaks. */
  static String text(String s) {
    return s == null ? "–" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
