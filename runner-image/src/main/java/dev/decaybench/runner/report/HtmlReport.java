package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.UsageReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS and JavaScript, the data embedded as
 * JSON, nothing fetched) with the decay chart, the failure charts, the tables and a per-trial
 * drill-down. The page's script marks {@code <html data-report-ready="true">} once everything is
 * drawn, or sets {@code data-report-error} with the message when it fails. Opening
 * {@code report.html#trial=<id>} shows that trial's details directly.
 */
public final class HtmlReport {

  public static final String FILE_NAME = "report.html";
  private static final String TEMPLATE = "/report/report.html";

  private HtmlReport() {}

  /** The data the page embeds; {@code columns}: the group tables' metric columns (Metric). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"generatedAt", "metadata", "columns", "metrics", "usage", "trials", "warnings"})
  public record Data(String generatedAt, RunMetadata metadata, List<Column> columns,
      RunMetricsReport metrics, UsageReport usage, List<TrialDetail> trials, List<String> warnings) {}

  /** A metric column of the group tables: its key in the data, title and decimals. */
  public record Column(String key, String title, int decimals, boolean higherIsBetter) {

    static List<Column> of(int k) {
      return Metric.listedIn(Metric.Shown.REPORTS).stream().map(m -> new Column(m.key(),
          m.title(k), m.scale().decimals(), m.higherIsBetter())).toList();
    }
  }

  public static String render(RunMetadata meta, RunMetricsReport metrics, List<TrialEntry> trials,
      List<String> warnings, String generatedAt, Path runRoot) {
    return render(meta, metrics, null, trials, warnings, generatedAt, runRoot);
  }

  /** With {@code usage} (may be null) the page shows "What it cost": a table and A% against cost. */
  public static String render(RunMetadata meta, RunMetricsReport metrics, UsageReport usage,
      List<TrialEntry> trials, List<String> warnings, String generatedAt, Path runRoot) {
    // The spec can be large and is in run.json; the page needs only the descriptive fields.
    RunMetadata shown = new RunMetadata(meta.name(), meta.agent(), meta.model(), meta.suite(), meta.repeats(),
        meta.startedAt(), meta.finishedAt(), meta.decaybenchVersion(), null);
    Data data = new Data(generatedAt, shown, Column.of(metrics.k()), metrics, usage,
        trials.stream().map(t -> TrialDetail.of(t, runRoot)).toList(), warnings);
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return template()
        .replace("__TITLE__", escapeHtml("decaybench report: " + (meta.name() == null ? "run" : meta.name())))
        .replace("__DATA__", scriptSafe(json));
  }

  /**
   * JSON that can sit inside a script element: no {@code <}, {@code >} or {@code &} (so no
   * {@code </script>} or {@code <!--}), all written as JSON unicode escapes, which only occur
   * inside strings.
   */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("report template " + TEMPLATE + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
