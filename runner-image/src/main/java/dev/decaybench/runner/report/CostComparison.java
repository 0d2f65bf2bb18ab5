package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.metrics.RunUsage;
import dev.decaybench.model.metrics.UsageReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code compare} shows next to the A% differences: each run's cost, cost per success and
 * tokens, and B - A, overall, per level and per framework. Over each run's counted trials (the
 * whole run, not only the tasks both ran: a run's bill does not shrink to the matched tasks).
 */
@JsonPropertyOrder({"a", "b"})
public record CostComparison(UsageReport a, UsageReport b) {

  public static CostComparison of(Path runA, Path runB) {
    return new CostComparison(usage(runA), usage(runB));
  }

  private static UsageReport usage(Path dir) {
    RunDirectory run = RunDirectory.read(dir);
    var price = RunFile.readMetadata(run.root()).map(m -> TrialUsages.price(m.spec())).orElse(null);
    return UsageReport.of(run.records(), price);
  }

  public String table() {
    StringBuilder s = new StringBuilder("\nCost: each run's counted trials (all of them, not only the matched"
        + " tasks); - = unknown (no tokens reported or no spec.agent.price).\n\n");
    String fmt = "%-14s %10s %10s %10s   %10s %10s %10s   %12s %12s%n";
    s.append(String.format(Locale.ROOT, fmt, "GROUP", "COST A", "COST B", "DIFF", "PER SUCC A", "PER SUCC B",
        "DIFF", "TOKENS A", "TOKENS B"));
    row(s, fmt, "overall", a.overall(), b.overall());
    section(s, fmt, a.perLevel(), b.perLevel());
    section(s, fmt, a.perFramework(), b.perFramework());
    return s.toString();
  }

  private static void section(StringBuilder s, String fmt, Map<String, RunUsage> ga, Map<String, RunUsage> gb) {
    TreeSet<String> keys = new TreeSet<>(ga.keySet());
    keys.addAll(gb.keySet());
    if (!keys.isEmpty()) {
      s.append('\n');
      keys.forEach(k -> row(s, fmt, k, ga.get(k), gb.get(k)));
    }
  }

  private static void row(StringBuilder s, String fmt, String name, RunUsage ua, RunUsage ub) {
    Double costA = ua == null ? null : ua.cost();
    Double costB = ub == null ? null : ub.cost();
    Double perA = ua == null ? null : ua.costPerSuccess();
    Double perB = ub == null ? null : ub.costPerSuccess();
    s.append(String.format(Locale.ROOT, fmt, name, money(costA), money(costB), diff(costA, costB), money(perA),
        money(perB), diff(perA, perB), tokens(ua), tokens(ub)));
  }

  private static String money(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String diff(Double a, Double b) {
    return a == null || b == null ? "-" : String.format(Locale.ROOT, "%+.4f", b - a);
  }

  private static String tokens(RunUsage u) {
    return u == null || u.promptTokens() == null || u.completionTokens() == null ? "-"
        : Long.toString(u.promptTokens() + u.completionTokens());
  }
}
