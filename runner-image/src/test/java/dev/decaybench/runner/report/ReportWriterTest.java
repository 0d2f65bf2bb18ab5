package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.Metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.MarginalEffect;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four reports of {@link SyntheticRuns#runA} (its table gives the per-task numbers used below). */
class ReportWriterTest {

  private static final double EPS = 1e-9;

  @TempDir
  Path tmp;

  private ReportWriter.Written write() {
    return ReportWriter.writeAll(SyntheticRuns.runA(tmp),
        new RunMetadata("run-a", "reference", "none", "constraint-decay", 2, null, null, null, null));
  }

  @Test
  void metricsMatchTheHandComputation() {
    RunMetricsReport m = write().metrics();
    GroupMetrics all = m.overall();
    assertThat(m.k()).isEqualTo(2);
    assertThat(all.tasks()).isEqualTo(8);
    assertThat(all.trials()).isEqualTo(13); // the 3 crashed trials (harness errors) are left out
    assertThat(all.successes()).isEqualTo(7);
    // A% = (100 + 95 + 50 + 80 + 100 + 85 + 80 + 0) / 8 = 590 / 8
    assertThat(all.value(Metric.A_PCT)).isCloseTo(73.75, within(EPS));
    // strict: (100 + 95 + 50 + 0 + 100 + 85 + 80 + 0) / 8 = 510 / 8
    assertThat(all.value(Metric.STRICT_A_PCT)).isCloseTo(63.75, within(EPS));
    // pass@1 = (1 + 1/2 + 0/1 + 0/1 + 1 + 1/2 + 1/2 + 0/1) / 8 = 3.5 / 8
    assertThat(all.value(Metric.PASS_AT_1)).isCloseTo(0.4375, within(EPS));
    // pass@2 with n <= 2: 1 when c > 0: 5 of 8 tasks
    assertThat(all.value(Metric.PASS_AT_K)).isCloseTo(0.625, within(EPS));
    // pass^2 = (1 + 1/4 + 0 + 0 + 1 + 1/4 + 1/4 + 0) / 8 = 2.75 / 8
    assertThat(all.value(Metric.PASS_HAT_K)).isCloseTo(0.34375, within(EPS));
    // levels: L0 (100, 100), L1 (95, 85), L2 (50, 80), L3 (80, 0)
    assertThat(m.perLevel().get("L2").value(Metric.A_PCT)).isCloseTo(65.0, within(EPS));
    assertThat(m.deltaAPct()).containsEntry("L0->L1", -10.0).containsEntry("L1->L2", -25.0)
        .containsEntry("L2->L3", -25.0).containsEntry("L0->L3", -60.0);
    // failures: 13 - 7 = 6 failed, 1 unclassified, 2 data layer of 5 classified
    assertThat(m.failures().failed()).isEqualTo(6);
    assertThat(m.failures().byClass()).containsEntry("logic_error", 2).containsEntry("server_startup_failure", 1)
        .containsEntry("unclassified", 1).doesNotContainKeys("other", "stuck_in_loop");
    assertThat(m.failures().dataLayerShare()).isCloseTo(0.4, within(EPS));
    Map<String, MarginalEffect> effects = m.marginalEffects().stream()
        .collect(Collectors.toMap(MarginalEffect::effect, Function.identity()));
    // clean_architecture: flask CA+pg+sqla 80 vs pg+sqla 50 (+30), express CA 85 vs none 100 (-15)
    assertThat(effects.get("clean_architecture").meanDiffAPct()).isCloseTo(7.5, within(EPS));
    assertThat(effects.get("clean_architecture").seAPct()).isCloseTo(22.5, within(EPS));
    // orm: flask pg+sqla 50 vs pg 95 (-45), express CA+pg+seq 0 vs CA+pg 80 (-80): mean -62.5, SE 17.5
    assertThat(effects.get("orm").meanDiffAPct()).isCloseTo(-62.5, within(EPS));
    assertThat(effects.get("orm").seAPct()).isCloseTo(17.5, within(EPS));
    assertThat(effects.get("postgres").meanDiffAPct()).isCloseTo(-5.0, within(EPS));
  }

  @Test
  void writesRunJsonWithMetadataMetricsAndTrials() throws Exception {
    ReportWriter.Written w = write();
    assertThat(w.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("run.json", "global_stats.csv", "cost_stats.csv", "report.md", "report.html");
    JsonNode run = Json.mapper().readTree(tmp.resolve("run.json").toFile());
    assertThat(run.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(run.get("metadata").get("name").asText()).isEqualTo("run-a");
    assertThat(run.get("counts").get("crashed").asInt()).isEqualTo(3);
    assertThat(run.get("metrics").get("overall").get("aPct").asDouble()).isEqualTo(73.75);
    assertThat(run.get("trials")).hasSize(16);
    assertThat(run.get("trials").get(0).get("dir").asText()).startsWith("trials/");
    assertThat(run.get("warnings").toString()).contains("zz-unfinished");
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    // rebuilding without metadata keeps what run.json says
    ReportWriter.Written again = ReportWriter.writeAll(tmp, null);
    assertThat(again.metadata().name()).isEqualTo("run-a");
    assertThat(again.metrics()).isEqualTo(w.metrics());
  }

  @Test
  void globalStatsHasThePapersColumnsAndScales() throws Exception {
    write();
    List<String> lines = Files.readAllLines(tmp.resolve("global_stats.csv"));
    assertThat(lines.get(0)).isEqualTo("agent,model,granularity,group,n_constraints,pass_at_1,pass_at_3,"
        + "pass_power_3,passed_assertions_perc,strict_assertions_perc,n_succeeded,n_executed");
    Map<String, String[]> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).hasSize(12);
      rows.put(f[2] + "/" + f[3] + "/" + f[4], f);
    }
    String[] global = rows.get("global/all/");
    assertThat(global[0]).isEqualTo("reference");
    assertThat(global[1]).isEqualTo("none");
    assertThat(Double.parseDouble(global[5])).isEqualTo(0.4375);
    // pass_at_3 with n = 2 < 3: 1 when c > 0 -> 5/8
    assertThat(Double.parseDouble(global[6])).isEqualTo(0.625);
    // pass_power_3 = (1 + 1/8 + 0 + 0 + 1 + 1/8 + 1/8 + 0) / 8 = 0.296875
    assertThat(Double.parseDouble(global[7])).isCloseTo(0.296875, within(5e-5));
    assertThat(Double.parseDouble(global[8])).isCloseTo(0.7375, within(5e-5));
    assertThat(Double.parseDouble(global[9])).isCloseTo(0.6375, within(5e-5));
    assertThat(global[10]).isEqualTo("7");
    assertThat(global[11]).isEqualTo("13");
    assertThat(rows.get("framework/flask/3")[8]).isEqualTo("0.8000");
    assertThat(rows.get("framework/flask/3")[9]).isEqualTo("0.0000");
    assertThat(rows.get("runtime/uv/")[11]).isEqualTo("6");
    assertThat(rows.get("runtime/node/2")[10]).isEqualTo("1");
    assertThat(rows.get("constraint_type/postgres/")[11]).isEqualTo("7");
    assertThat(rows.get("framework_constraint/express:sequelize/")[10]).isEqualTo("0");
    assertThat(rows).containsKeys("global/all/0", "global/all/3", "framework/express/", "constraint_type/sqlalchemy/");
  }

  @Test
  void markdownHasThePapersTables() throws Exception {
    write();
    String md = Files.readString(tmp.resolve("report.md"));
    assertThat(md).contains("# decaybench report: run-a")
        .contains("## Overall").contains("| all | 8 | 13 | 7 | 73.75 | 63.75 |")
        .contains("## Per level").contains("## Per framework")
        .contains("| flask | 100.00 | 95.00 | 50.00 | 80.00 | -20.00 |")
        .contains("| L0 → L3 | -60.00 |")
        .contains("| orm | X + ORM (sqlalchemy or sequelize) - X, same framework | 2 | -62.50 ± 17.50 |")
        .contains("| logic_error | 2 | 33.3% |")
        .contains("**Data-layer share:** 40.0% (2 of 5 classified failures")
        .contains("13 trials counted of 8 tasks (3 crashed, left out)")
        .contains("## Crashed trials").contains("| crashed | left out | agent container exited with 137 |")
        .contains("## Warnings");
  }

  @Test
  void anEmptyRunStillGetsItsFourFiles() throws Exception {
    Path empty = tmp.resolve("empty-run");
    Files.createDirectories(empty.resolve("trials"));
    ReportWriter.Written w = ReportWriter.writeAll(empty, null);
    assertThat(w.metadata().name()).isEqualTo("empty-run");
    assertThat(w.metrics().overall().trials()).isZero();
    assertThat(w.metrics().k()).isEqualTo(3);
    assertThat(Files.readAllLines(empty.resolve("global_stats.csv"))).hasSize(1);
    assertThat(Files.readString(empty.resolve("report.md"))).contains("| all | 0 | 0 | 0 | – |")
        .contains("No failed trials.");
  }

  @Test
  void htmlIsSelfContainedAndEmbedsTheData() throws Exception {
    write();
    String html = Files.readString(tmp.resolve("report.html"));
    assertThat(html).doesNotContain("https://").doesNotContain("<link").doesNotContain(" src=")
        .doesNotContain("__DATA__").doesNotContain("__TITLE__");
    // the only URL is the SVG namespace name used by createElementNS
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    // server log text with </script> is escaped inside the embedded JSON
    int dataStart = html.indexOf("id=\"report-data\">");
    int dataEnd = html.indexOf("</script>", dataStart);
    String json = html.substring(dataStart + "id=\"report-data\">".length(), dataEnd);
    JsonNode data = Json.mapper().readTree(json);
    assertThat(data.get("trials")).hasSize(16);
    assertThat(json).doesNotContain("<");
    assertThat(data.toString()).contains("</script><b>not html</b>");
  }
}
