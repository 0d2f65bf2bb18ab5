package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.RunUsage;
import dev.decaybench.model.metrics.UsageReport;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cost_stats.csv}: tokens, cost and time per group next to A% (percent, as in report.md),
 * one row for the whole run, then per level, framework and variant. A file of its own because
 * global_stats.csv keeps exactly the paper's columns. Unknown values are empty cells, never 0.
 */
public final class CostStatsCsv {

  public static final String FILE_NAME = "cost_stats.csv";
  public static final String HEADER = "granularity,group,a_pct,n_executed,n_succeeded,prompt_tokens,"
      + "completion_tokens,llm_calls,cost,cost_per_success,tokens_per_success,agent_seconds,evaluation_seconds";

  private CostStatsCsv() {}

  public static String render(RunMetricsReport m, UsageReport u) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    row(out, "global", "all", m.overall(), u.overall());
    rows(out, "level", m.perLevel(), u.perLevel());
    rows(out, "framework", m.perFramework(), u.perFramework());
    rows(out, "variant", Map.of(), u.perVariant());
    return out.toString();
  }

  private static void rows(StringBuilder out, String granularity, Map<String, GroupMetrics> metrics,
      Map<String, RunUsage> usage) {
    usage.forEach((group, g) -> row(out, granularity, group, metrics.get(group), g));
  }

  private static void row(StringBuilder out, String granularity, String group, GroupMetrics g, RunUsage u) {
    out.append(granularity).append(',').append(group.contains(",") ? "\"" + group + "\"" : group).append(',')
        .append(g == null || g.value(Metric.A_PCT) == null ? ""
            : String.format(Locale.ROOT, "%.2f", g.value(Metric.A_PCT))).append(',')
        .append(u.trials()).append(',').append(u.successes()).append(',')
        .append(cell(u.promptTokens())).append(',').append(cell(u.completionTokens())).append(',')
        .append(cell(u.llmCalls())).append(',').append(num(u.cost(), "%.6f")).append(',')
        .append(num(u.costPerSuccess(), "%.6f")).append(',').append(num(u.tokensPerSuccess(), "%.1f")).append(',')
        .append(u.agentMs() == null ? "" : num(u.agentMs() / 1000.0, "%.3f")).append(',')
        .append(u.evaluationMs() == null ? "" : num(u.evaluationMs() / 1000.0, "%.3f")).append('\n');
  }

  private static String cell(Long v) {
    return v == null ? "" : v.toString();
  }

  private static String num(Double v, String fmt) {
    return v == null ? "" : String.format(Locale.ROOT, fmt, v);
  }
}
