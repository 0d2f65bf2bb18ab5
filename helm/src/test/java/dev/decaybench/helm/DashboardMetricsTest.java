package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The dashboards are well-formed Grafana JSON and query only metrics the operator exports. The
 * exported names come from {@link OperatorMetricNames} (the operator's sources for decaybench_*,
 * JOSDK's MicrometerMetrics constants, the Micrometer binders the operator binds), named by
 * Micrometer's Prometheus registry itself.
 */
class DashboardMetricsTest {

  /**
   * Metrics a panel needs that the operator does not export yet; the panel is written against the
   * name the operator is expected to use. The test below fails as soon as the operator exports
   * one, so the entry is removed then (and PrometheusDashboardTest starts checking the panel).
   */
  static final Set<String> AWAITING_OPERATOR = Set.of();

  @Test
  void everyQueriedMetricIsExportedByTheOperator() {
    Set<String> exported = OperatorMetricNames.exported();
    List<String> missing = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    for (Dashboards.Query q : Dashboards.queries()) {
      for (String metric : Dashboards.metricNames(q.expr())) {
        used.add(metric);
        if (!exported.contains(metric) && !AWAITING_OPERATOR.contains(metric)) {
          missing.add(metric + " in " + q);
        }
      }
    }
    assertThat(used).as("metrics the dashboards use").hasSizeGreaterThan(15);
    assertThat(missing).as("queried metrics the operator does not export (exported: " + exported
        + ")").isEmpty();
  }

  @Test
  void awaitedMetricsAreStillMissing() {
    Set<String> exported = OperatorMetricNames.exported();
    assertThat(AWAITING_OPERATOR).as("the operator exports these now: remove them from"
        + " DashboardMetricsTest.AWAITING_OPERATOR").doesNotContainAnyElementsOf(exported);
  }

  @Test
  void everyDecaybenchMeterIsShownSomewhere() {
    Set<String> queried = new HashSet<>();
    Dashboards.queries().forEach(q -> queried.addAll(Dashboards.metricNames(q.expr())));
    List<String> unused = new ArrayList<>();
    OperatorMetricNames.decaybenchMeters().forEach((meter, samples) -> {
      if (samples.stream().noneMatch(queried::contains)) {
        unused.add(meter + " " + samples);
      }
    });
    assertThat(unused).as("operator meters no dashboard panel shows").isEmpty();
  }

  @Test
  void metricNameExtractionUnderstandsPromql() {
    assertThat(Dashboards.metricNames("histogram_quantile(0.95, sum by (controller, le) "
        + "(rate(operator_sdk_controllers_execution_reconcile_seconds_bucket"
        + "[$__rate_interval])))"))
        .containsExactly("operator_sdk_controllers_execution_reconcile_seconds_bucket");
    assertThat(Dashboards.metricNames("max by (namespace, run) (a{scope=\"level\", "
        + "group=\"L0\"}) - max by (namespace, run) (b{group=\"L3\"}) or vector(0)"))
        .containsExactly("a", "b");
    assertThat(Dashboards.metricNames("sum(x) / ignoring(class) group_left sum(y) * 60"))
        .containsExactly("x", "y");
  }

  @Test
  void dashboardsAreGrafanaJsonWithAPrometheusDatasourceVariable() {
    List<Path> files = Dashboards.files();
    assertThat(files).extracting(p -> p.getFileName().toString()).contains(
        "decaybench-runs.json", "decaybench-results.json", "decaybench-operator.json");
    Set<String> uids = new HashSet<>();
    Set<String> titles = new TreeSet<>();
    for (Path f : files) {
      JsonNode d = Dashboards.read(f);
      assertThat(uids.add(d.path("uid").asText())).as("unique uid in " + f).isTrue();
      assertThat(d.path("title").asText()).isNotBlank();
      assertThat(d.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
      JsonNode vars = d.path("templating").path("list");
      assertThat(vars.findValuesAsText("name")).contains("datasource");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode p : Dashboards.panels(d)) {
        titles.add(p.path("title").asText());
        assertThat(ids.add(p.path("id").asInt())).as("unique panel id in " + f).isTrue();
        assertThat(p.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        assertThat(p.path("targets").size()).as(p.path("title").asText()).isPositive();
        for (JsonNode t : p.path("targets")) {
          assertThat(t.path("expr").asText()).isNotBlank();
        }
        JsonNode grid = p.path("gridPos");
        assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(24);
      }
    }
    // what the issue asks the dashboards to show
    assertThat(titles).contains("Runs in progress", "A% by level", "A% by framework",
        "Constraint decay (A% L0 minus L3) per run", "Failure classes",
        "Data-layer share per run", "Mean trial duration by outcome",
        "Reconciliations per second by controller", "Reconcile latency", "Heap",
        "Cost per successful trial");
  }
}
