package dev.decaybench.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in Debian's headless Chromium and checks what its script drew, from the DOM
 * Chromium dumps after the page loaded: one decay polyline per framework plus the "all" line with
 * one point per level, the failure bars, the ready marker and the drill-down. A page whose script
 * breaks must fail these checks ({@link #aBrokenScriptIsCaught}). Needs {@code /usr/bin/chromium}
 * ({@code apt-get install -y chromium}; .ci/run installs it) or DECAYBENCH_CHROMIUM.
 */
class ReportHtmlBrowserTest {

  private static final Pattern POLYLINE = Pattern.compile("<polyline\\b([^>]*)>");
  private static final Pattern RECT = Pattern.compile("<rect\\b([^>]*class=\"failure-bar\"[^>]*)>");
  private static final Pattern ATTR = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

  @TempDir
  static Path tmp;

  static Path run;

  @BeforeAll
  static void writeReport() {
    run = SyntheticRuns.runA(tmp.resolve("run-a"));
    ReportWriter.writeAll(run, new RunMetadata("run-a", "reference", null, null, 2, null, null, null, null));
  }

  @Test
  void decayChartAndFailureBarsAreDrawn() throws Exception {
    String dom = dumpDom(run.resolve("report.html"), "");
    // run A: flask and express at L0..L3, and the all-frameworks line
    // five failure classes (the crashed trials, left out, add none)
    assertChartDrawn(dom, Map.of("express", 4, "flask", 4, "all", 4), 5);
    // the "all" line: L0 at 100% sits on the top of the plot (y = 14), L3 at 40% lower
    // (y = 14 + 0.6 x 266 = 173.6; crashed trials are left out, flask L3 is 80%)
    List<double[]> all = points(polylines(dom).get("all"));
    assertThat(all.get(0)[1]).isEqualTo(14.0);
    assertThat(all.get(3)[1]).isEqualTo(173.6);
    assertThat(dom).contains("16 of 16 trials").contains("class=\"trial-row\"")
        .contains("Data-layer share: 40.0%");
    // the group tables' metric columns are the declared ones (Metric), titled for k = 2
    String overall = dom.substring(dom.indexOf("id=\"overall-table\""));
    overall = overall.substring(0, overall.indexOf("</table>"));
    List<String> headers = new java.util.ArrayList<>();
    java.util.regex.Matcher th = java.util.regex.Pattern.compile("<th[^>]*>([^<]*)</th>")
        .matcher(overall);
    while (th.find()) {
      headers.add(th.group(1));
    }
    assertThat(headers).containsExactly("Group", "Tasks", "Trials", "Successes", "A%",
        "Strict A%", "Strict A%+", "pass@1", "pass@2", "pass^2");
  }

  @Test
  void drillDownShowsFailedRequestsClassVerifiersLogAndFiles() throws Exception {
    String dom = dumpDom(run.resolve("report.html"), "#trial=flask-openapi-clean_architecture-postgres-sqlalchemy-r1");
    assertThat(htmlAttrs(dom)).containsEntry("data-report-ready", "true");
    assertThat(dom).contains("data-trial=\"flask-openapi-clean_architecture-postgres-sqlalchemy-r1\"")
        .contains("class=\"failed-requests\"")
        .contains("<td>/api/articles</td><td>500</td>")
        .contains("connection refused")
        .contains("constraint_violation")
        .contains("routes/articles.py imports repositories directly")
        .contains("clean_architecture not satisfied")
        .contains("ERROR in flask-openapi-clean_architecture-postgres-sqlalchemy")
        .contains("finished, exit 0: stored solution")
        .contains("href=\"trials/flask-openapi-clean_architecture-postgres-sqlalchemy-r1/server.log\"")
        .contains("href=\"trials/flask-openapi-clean_architecture-postgres-sqlalchemy-r1/result.json\"");
    // the log's "</script><b>" stays text
    assertThat(dom).contains("&lt;/script&gt;&lt;b&gt;not html&lt;/b&gt;");

    String crashed = dumpDom(run.resolve("report.html"), "#trial=flask-openapi-postgres-sqlalchemy-r2");
    assertThat(crashed).contains("data-trial=\"flask-openapi-postgres-sqlalchemy-r2\"")
        .contains("crashed: agent container exited with 137").contains("partial log of");
  }

  @Test
  void anEmptyRunRendersWithoutLines() throws Exception {
    Path empty = tmp.resolve("empty-run");
    Files.createDirectories(empty);
    ReportWriter.writeAll(empty, null);
    String dom = dumpDom(empty.resolve("report.html"), "");
    assertChartDrawn(dom, Map.of(), 0);
    assertThat(dom).contains("id=\"decay-svg\"").contains("0 of 0 trials");
  }

  @Test
  void aBrokenScriptIsCaught() throws Exception {
    String html = Files.readString(run.resolve("report.html"));
    Path broken = run.resolve("broken.html");
    Files.writeString(broken, html.replace("function drawDecay(", "function drawDecayRenamed("));
    String dom = dumpDom(broken, "");
    assertThat(htmlAttrs(dom)).containsKey("data-report-error").doesNotContainKey("data-report-ready");
    assertThatThrownBy(() -> assertChartDrawn(dom, Map.of("express", 4, "flask", 4, "all", 4), 7))
        .isInstanceOf(AssertionError.class);
  }

  // ---------------------------------------------------------------- checks

  static void assertChartDrawn(String dom, Map<String, Integer> pointsPerLine, int failureBars) {
    Map<String, String> html = htmlAttrs(dom);
    assertThat(html).as("the script reported no error").doesNotContainKey("data-report-error");
    assertThat(html).as("the script finished").containsEntry("data-report-ready", "true");
    Map<String, Map<String, String>> lines = polylines(dom);
    assertThat(lines.keySet()).as("one decay line per framework plus all").containsExactlyInAnyOrderElementsOf(
        pointsPerLine.keySet());
    pointsPerLine.forEach((fw, n) -> {
      assertThat(points(lines.get(fw))).as("points of %s", fw).hasSize(n);
      assertThat(lines.get(fw).get("data-points")).isEqualTo(Integer.toString(n));
    });
    Matcher bars = RECT.matcher(dom);
    int count = 0;
    while (bars.find()) {
      count++;
    }
    assertThat(count).as("failure bars").isEqualTo(failureBars);
  }

  /** Attributes of the root element, where the page's script leaves its marker. */
  static Map<String, String> htmlAttrs(String dom) {
    Matcher m = Pattern.compile("<html\\b([^>]*)>").matcher(dom);
    assertThat(m.find()).as("an <html> element in the DOM").isTrue();
    return attrs(m.group(1));
  }

  static Map<String, Map<String, String>> polylines(String dom) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    Matcher m = POLYLINE.matcher(dom);
    while (m.find()) {
      Map<String, String> attrs = attrs(m.group(1));
      if (attrs.getOrDefault("class", "").contains("decay-line")) {
        out.put(attrs.get("data-framework"), attrs);
      }
    }
    return out;
  }

  static List<double[]> points(Map<String, String> polyline) {
    List<double[]> out = new ArrayList<>();
    for (String p : polyline.get("points").trim().split("\\s+")) {
      String[] xy = p.split(",");
      out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return out;
  }

  private static Map<String, String> attrs(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher a = ATTR.matcher(s);
    while (a.find()) {
      out.put(a.group(1), a.group(2));
    }
    return out;
  }

  // ---------------------------------------------------------------- cost (issue 19)

  private static final Pattern COST_POINT = Pattern.compile("<circle\\b[^>]*class=\"cost-point\"[^>]*>");

  private static Path pricedReport(String name, boolean withUsage) throws Exception {
    Path priced = SyntheticRuns.runA(tmp.resolve(name));
    if (withUsage) {
      RunUsageReportTest.withUsage(priced);
    }
    ReportWriter.writeAll(priced, new RunMetadata(name, "llm", "m", null, 2, null, null, null,
        dev.decaybench.runner.util.Json.mapper().readTree(RunUsageReportTest.PRICED_SPEC)));
    return priced.resolve("report.html");
  }

  @Test
  void costChartPutsEachLevelAndFrameworkAtItsAPctAgainstItsCost() throws Exception {
    String dom = dumpDom(pricedReport("priced", true), "");

    assertThat(dom).contains("data-report-ready=\"true\"").contains("What it cost")
        .contains("13000 / 2600").contains("0.0780");
    // L0..L3, express and flask
    assertThat(COST_POINT.matcher(dom).results().count()).isEqualTo(6);
    assertThat(dom).contains("data-group=\"express\"").contains("data-group=\"L3\"");
  }

  @Test
  void costSectionSaysWhyThereIsNoChartWhenNothingHasACost() throws Exception {
    String dom = dumpDom(pricedReport("unpriced", false), "");

    assertThat(dom).contains("data-report-ready=\"true\"").contains("No chart: no group has both A% and a cost.");
    assertThat(COST_POINT.matcher(dom).results().count()).isZero();
  }

  // ---------------------------------------------------------------- Chromium

  static Path chromium() {
    String configured = System.getenv("DECAYBENCH_CHROMIUM");
    Path bin = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
    if (!Files.isExecutable(bin)) {
      fail("headless Chromium not found at " + bin + ": install it with `apt-get install -y chromium` "
          + "(or set DECAYBENCH_CHROMIUM)");
    }
    return bin;
  }

  /** The DOM after load, as Chromium serialises it. */
  static String dumpDom(Path html, String fragment) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
    Path stdout = Files.createTempFile(tmp, "dom-", ".html");
    Path stderr = Files.createTempFile(tmp, "chromium-", ".log");
    List<String> cmd = List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--dump-dom", html.toAbsolutePath().toUri() + fragment);
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        fail("chromium did not finish within 90 s; its log: " + tail(stderr));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String dom = Files.readString(stdout);
    if (p.exitValue() != 0 || dom.isBlank()) {
      fail("chromium exited with " + p.exitValue() + " and printed no DOM; its log: " + tail(stderr));
    }
    return dom;
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log);
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }
}
