package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.RunPhase;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.operator.testing.FakeKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check: the real operator runs in-process on fabric8's mock API server
 * with a simulated run (a finished 20-trial run with a retry, a failed trial and failure classes,
 * a finished priced run whose agent reports tokens, and a run still in progress), Debian's prometheus scrapes its /metrics, and every query of every
 * dashboard panel is evaluated through Prometheus's HTTP API and must return data. The same run
 * checks that each API request the operator made is allowed by the chart's RBAC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusDashboardTest {

  private OperatorOnMockServer cluster;
  private PrometheusHarness prometheus;

  @BeforeAll
  void runTheOperatorAndPrometheus(@TempDir Path tmp) {
    assertTrue(PrometheusHarness.available(), PrometheusHarness.binary()
        + " is missing: apt-get install prometheus (.ci/run does), or set PROMETHEUS");
    cluster = OperatorOnMockServer.start(PrometheusDashboardTest::script);
    prometheus = new PrometheusHarness(tmp.resolve("prometheus"), cluster.metricsTarget(),
        "/metrics").start();
    prometheus.awaitScrapes(2, Duration.ofSeconds(30));

    cluster.create(OperatorOnMockServer.run("paper", List.of(Framework.FLASK, Framework.EXPRESS),
        null, 4));
    EvaluationRun priced = OperatorOnMockServer.run("priced", List.of(Framework.EXPRESS),
        List.of("unconstrained", "postgres"), 2);
    AgentSpec agent = new AgentSpec(AgentType.COMMAND); // a model and a price need an agent that uses them
    agent.setCommand(List.of("my-agent"));
    agent.setModel("scripted-model");
    agent.setPrice(new TokenPrice(3.0, 15.0));
    priced.getSpec().setAgent(agent);
    dev.decaybench.model.v1alpha1.Images images = new dev.decaybench.model.v1alpha1.Images();
    images.setRunner("registry.example.com/runner-with-my-agent:1"); // a cluster needs the CLI's image
    priced.getSpec().setImages(images);
    cluster.create(priced);
    cluster.create(OperatorOnMockServer.run("long", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres"), 2));
    await(Duration.ofSeconds(120), "run paper to finish", () -> {
      EvaluationRun r = cluster.get("paper");
      return r != null && r.getStatus() != null && r.getStatus().getPhase() != null
          && r.getStatus().getPhase().isTerminal() && r.getStatus().getSummary() != null;
    });
    await(Duration.ofSeconds(120), "run priced to finish with its cost", () -> {
      EvaluationRun r = cluster.get("priced");
      return r != null && r.getStatus() != null && r.getStatus().getSummary() != null
          && r.getStatus().getSummary().getUsage() != null
          && r.getStatus().getPhase().isTerminal();
    });
    await(Duration.ofSeconds(30), "run long to be running", () -> {
      EvaluationRun r = cluster.get("long");
      return r != null && r.getStatus() != null && r.getStatus().getPhase() == RunPhase.RUNNING
          && r.getStatus().getTrials() != null && r.getStatus().getTrials().getRunning() > 0;
    });
    // a few scrapes after the run ended, so the final values are stored
    long scrapes = scrapeCount();
    await(Duration.ofSeconds(30), "three more scrapes", () -> scrapeCount() >= scrapes + 3);
  }

  @AfterAll
  void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** What the simulated kubelet does with each pod. */
  private static FakeKubelet.Behaviour script(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if ("long".equals(labels.get("decaybench.dev/run"))) {
      return new FakeKubelet.Hang();
    }
    if ("priced".equals(labels.get("decaybench.dev/run"))) {
      // one success, one failure; 1000 + 200 tokens each: 0.006 per trial, 0.012 per success
      boolean success = !pod.getMetadata().getAnnotations().get("decaybench.dev/task").contains("postgres");
      return new FakeKubelet.Succeed(OperatorOnMockServer.result(success ? 100 : 40, success,
          new TrialUsage(1000L, 200L, 2, 3, Map.of("shell", 2, "finish", 1), null, null, null)),
          Duration.ofMillis(200));
    }
    int index = Integer.parseInt(labels.get("decaybench.dev/trial-index"));
    int attempt = Integer.parseInt(labels.get("decaybench.dev/attempt"));
    String task = pod.getMetadata().getAnnotations().get("decaybench.dev/task");
    Duration runFor = Duration.ofMillis(300 + 37L * index);
    if (index == 3 && attempt == 0) {
      return new FakeKubelet.Evict(Duration.ofMillis(200)); // retried
    }
    if (index == 5) {
      return new FakeKubelet.FailContainer("agent", 1, "Error", "the agent gave up", runFor); // failed, no result
    }
    int level = 0;
    for (String c : List.of("clean_architecture", "postgres", "sqlite", "sqlalchemy",
        "sequelize")) {
      level += task.contains(c) ? 1 : 0;
    }
    if (level >= 1 && index % 2 == 0) {
      boolean dataLayer = index % 4 == 0;
      return new FakeKubelet.Succeed(OperatorOnMockServer.result(70 - 12.0 * level, false,
          dataLayer ? "logic_error" : "constraint_violation",
          dataLayer ? "database_runtime_error" : null, dataLayer ? true : null), runFor);
    }
    return new FakeKubelet.Succeed(OperatorOnMockServer.result(100, true, null, null, null),
        runFor);
  }

  @Test
  void everyDashboardQueryReturnsData() {
    List<String> empty = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int evaluated = 0;
    for (Dashboards.Query q : Dashboards.queries()) {
      if (Dashboards.metricNames(q.expr()).stream()
          .anyMatch(DashboardMetricsTest.AWAITING_OPERATOR::contains)) {
        skipped.add(q.toString());
        continue;
      }
      String promql = Dashboards.forPrometheus(q.expr());
      List<JsonNode> result = prometheus.query(promql);
      evaluated++;
      if (result.isEmpty()) {
        empty.add(q + "\n    sent: " + promql);
      }
    }
    System.out.println("evaluated " + evaluated + " dashboard queries; skipped (metric not yet"
        + " exported by the operator): " + skipped);
    assertThat(evaluated).isGreaterThan(30);
    assertThat(empty).as("dashboard queries without data").isEmpty();
  }

  @Test
  void runMetricsCarryTheRunsNamespaceAndLevels() {
    List<JsonNode> levels = prometheus.query(
        "decaybench_run_a_percent{namespace=\"bench\", run=\"paper\", scope=\"level\"}");
    Set<String> groups = new TreeSet<>();
    levels.forEach(n -> groups.add(n.path("metric").path("group").asText()));
    assertThat(groups).containsExactly("L0", "L1", "L2", "L3");
    // the simulated run decays: L0 is all successes, L3 has unsuccessful trials
    double l0 = value("decaybench_run_a_percent{run=\"paper\", scope=\"level\", group=\"L0\"}");
    double l3 = value("decaybench_run_a_percent{run=\"paper\", scope=\"level\", group=\"L3\"}");
    assertThat(l0).isGreaterThan(l3);
    assertThat(value("sum(decaybench_runs{phase=\"Running\"})")).isEqualTo(1.0);
    assertThat(value("sum(decaybench_trial_retries_total)")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void costPerSuccessfulTrialIsThePricedRunsCostOverItsSuccesses() {
    assertThat(value("decaybench_run_cost_per_success{run=\"priced\", model=\"scripted-model\"}"))
        .isCloseTo(0.012, within(1e-9));
    assertThat(value("sum by (model) (decaybench_run_cost_total{model=\"scripted-model\"})"))
        .isCloseTo(0.012, within(1e-9));
    assertThat(value("decaybench_run_tokens_total{run=\"priced\", kind=\"prompt\"}")).isEqualTo(2000.0);
    assertThat(prometheus.query("decaybench_run_cost_total{run=\"paper\"}"))
        .as("a run without a price has no cost series").isEmpty();
  }

  @Test
  void probesAnswerOnThePathsTheChartUses() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/healthz", "/readyz", "/metrics")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://"
          + cluster.metricsTarget() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
    }
  }

  /**
   * Every request the operator made during the simulated run (its own counter,
   * decaybench_api_requests_total{verb, resource}) is allowed by the chart's rules, and every
   * write verb the chart grants was used.
   */
  @Test
  void apiRequestsOfTheRunAreExactlyCoveredByTheChartRbac() {
    Set<String> observed = new TreeSet<>();
    for (Counter c : cluster.operator.registry().find("decaybench.api.requests").counters()) {
      observed.add(c.getId().getTag("verb") + " " + c.getId().getTag("resource"));
    }
    List<RbacTest.Rule> granted = RbacTest.rules(Chart.render().ofKind("Role").get(0));
    List<String> denied = new ArrayList<>();
    for (String request : observed) {
      String method = request.substring(0, request.indexOf(' '));
      String resource = request.substring(request.indexOf(' ') + 1);
      if (RbacTest.NON_RESOURCE_PATHS.contains(resource)) {
        continue; // discovery (/version, /apis): every authenticated user may read it
      }
      Set<String> verbs = switch (method) {
        case "GET" -> Set.of("get", "list", "watch");
        case "POST" -> Set.of("create");
        case "PUT" -> Set.of("update");
        case "PATCH" -> Set.of("patch");
        case "DELETE" -> Set.of("delete", "deletecollection");
        default -> Set.of(method.toLowerCase());
      };
      boolean allowed = granted.stream().anyMatch(r -> r.resources().contains(resource)
          && r.verbs().stream().anyMatch(verbs::contains));
      if (!allowed) {
        denied.add(request);
      }
    }
    assertThat(observed).as("requests recorded").isNotEmpty();
    assertThat(denied).as("requests of the operator the chart's Role does not allow"
        + " (observed: " + observed + ")").isEmpty();

    Set<String> grantedWrites = new TreeSet<>();
    for (RbacTest.Rule r : granted) {
      for (String verb : r.verbs()) {
        String method = switch (verb) {
          case "create" -> "POST";
          case "update" -> "PUT";
          case "patch" -> "PATCH";
          case "delete" -> "DELETE";
          default -> null;
        };
        if (method != null) {
          // */finalizers update is never a request: the API server checks it for the
          // blockOwnerDeletion of an owner reference (OwnerReferencesPermissionEnforcement)
          r.resources().stream().filter(res -> !res.endsWith("/finalizers"))
              .forEach(res -> grantedWrites.add(method + " " + res));
        }
      }
    }
    assertThat(observed).as("every write the chart grants is one the operator made")
        .containsAll(grantedWrites);
  }

  private double value(String promql) {
    List<JsonNode> r = prometheus.query(promql);
    assertThat(r).as(promql).isNotEmpty();
    return r.get(0).path("value").path(1).asDouble();
  }

  private long scrapeCount() {
    List<JsonNode> r = prometheus.query("count_over_time(up{job=\"" + PrometheusHarness.JOB
        + "\"}[10m])");
    return r.isEmpty() ? 0 : (long) r.get(0).path("value").path(1).asDouble();
  }

  private static void await(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not there yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
  }
}
