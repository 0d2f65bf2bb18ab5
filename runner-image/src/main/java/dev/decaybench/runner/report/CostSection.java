package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.RunUsage;
import dev.decaybench.model.metrics.UsageReport;
import java.util.Locale;
import java.util.Map;

/** report.md's "What it cost": tokens, cost and agent time per group, next to the group's A%. */
final class CostSection {

  private CostSection() {}

  static void render(StringBuilder md, RunMetricsReport m, UsageReport u) {
    md.append("\n## What it cost\n\n");
    md.append("Tokens and cost of the counted trials (cost only when the manifest gives `spec.agent.price`); "
        + "– means unknown, not 0. See docs/metrics.md, \"What a trial cost\".\n\n");
    md.append("| Group | A% | Trials | Successes | Tokens (in / out) | LLM calls | Cost | Cost per success"
        + " | Tokens per success | Agent time | Evaluation time |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    row(md, "all", m.overall(), u.overall());
    rows(md, m.perLevel(), u.perLevel());
    rows(md, m.perFramework(), u.perFramework());
    u.perVariant().forEach((v, g) -> row(md, v, null, g));
  }

  private static void rows(StringBuilder md, Map<String, GroupMetrics> metrics, Map<String, RunUsage> usage) {
    usage.forEach((key, g) -> row(md, key, metrics.get(key), g));
  }

  private static void row(StringBuilder md, String name, GroupMetrics g, RunUsage u) {
    md.append("| ").append(MarkdownReport.text(name)).append(" | ").append(g == null ? "–" : MarkdownReport.pct(g.value(Metric.A_PCT)))
        .append(" | ").append(u.trials()).append(" | ").append(u.successes()).append(" | ")
        .append(u.promptTokens() == null || u.completionTokens() == null ? "–"
            : u.promptTokens() + " / " + u.completionTokens())
        .append(" | ").append(u.llmCalls() == null ? "–" : u.llmCalls().toString())
        .append(" | ").append(money(u.cost())).append(" | ").append(money(u.costPerSuccess()))
        .append(" | ").append(u.tokensPerSuccess() == null ? "–" : String.format(Locale.ROOT, "%.0f", u.tokensPerSuccess()))
        .append(" | ").append(seconds(u.agentMs())).append(" | ").append(seconds(u.evaluationMs())).append(" |\n");
  }

  static String money(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String seconds(Long ms) {
    return ms == null ? "–" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
