package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.e2e.cluster.ChartRelease;
import dev.decaybench.e2e.cluster.ControlPlane;
import dev.decaybench.e2e.cluster.Parity;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.e2e.cluster.RestrictedNamespace;
import dev.decaybench.helm.Dashboards;
import dev.decaybench.helm.PrometheusHarness;
import dev.decaybench.operator.testing.Await;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's operator as users run it: the Deployment on the real node (the operator image
 * built here, its ServiceAccount's token, the API server through the kubernetes Service and
 * kube-proxy), a run with planted defects completed by it (each trial scoring as with
 * {@code decaybench run -f} here: examples/cluster-parity-replay.yaml, stored solutions on Flask
 * and Express at L0 and L3, one missing on purpose), and Debian's Prometheus scraping the
 * operator pod on the pod's address (found through the API by its metrics port, as Kubernetes
 * service discovery would: Debian builds Prometheus without it). Every dashboard query returns
 * data, except those whose metrics this run cannot produce (listed).
 */
class OperatorInClusterOnRealNodeTest extends RealClusterTest {

  private static final String NS = "bench-incluster";
  private static final String RUN = "cluster-parity-replay";

  /**
   * Metrics a replay run cannot produce: no tokens or price (stored solutions), no retried
   * attempt (nothing fails underneath it). The mock-server dashboard test covers them.
   */
  private static final Set<String> NOT_PRODUCED_BY_A_REPLAY_RUN = Set.of(
      "decaybench_run_cost_total", "decaybench_run_cost_per_success",
      "decaybench_run_tokens_total", "decaybench_trial_retries_total");

  private final RealNodeCluster cluster = RealNodeCluster.get();

  OperatorInClusterOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void theChartsOperatorRunsInTheClusterAndPrometheusScrapesIt(@TempDir Path tmp)
      throws Exception {
    ControlPlane cp = cluster.controlPlane();
    RestrictedNamespace.recreate(admin, NS);
    Map<String, Object> values = new HashMap<>(RealNodeCluster.chartValues());
    values.put("operator.replicas", 1);
    values.put("operator.statusIntervalSeconds", 1);
    values.put("operator.nodeSelector.kubernetes\\.io/hostname", RealNodeCluster.NODE);
    values.put("operator.tolerations[0].key", "decaybench.dev/real-node");
    values.put("operator.tolerations[0].operator", "Exists");
    values.put("operator.tolerations[0].effect", "NoSchedule");
    ChartRelease release = ChartRelease.install(cp, "incluster", NS, values);
    try {
      awaitOperatorAvailable(release);
      // Debian's Prometheus is built without Kubernetes service discovery: the pod's address
      // comes from the API as that discovery would find it (the chart's metrics port by name)
      try (PrometheusHarness prometheus = new PrometheusHarness(tmp.resolve("prom"),
          metricsTarget(release), "/metrics").start()) {
        prometheus.awaitScrapes(2, Duration.ofMinutes(2));
        runAndQuery(prometheus);
      }
    } finally {
      release.uninstall(cp);
      RestrictedNamespace.delete(admin, NS);
    }
  }

  private void runAndQuery(PrometheusHarness prometheus) throws Exception {
    Path manifest = ControlPlane.repoRoot().resolve("examples/" + RUN + ".yaml");
    EvaluationRun run = admin.resources(EvaluationRun.class).load(manifest.toFile()).item();
    run.getMetadata().setNamespace(NS);
    Instant start = Instant.now();
    admin.resource(run).create();
    Await.until(Duration.ofMinutes(15), "run " + RUN + " finished by the in-cluster operator",
        () -> {
          EvaluationRun r = admin.resources(EvaluationRun.class).inNamespace(NS)
              .withName(RUN).get();
          return r.getStatus() != null && r.getStatus().getPhase() != null
              && r.getStatus().getPhase().isTerminal();
        });
    EvaluationRun done = admin.resources(EvaluationRun.class).inNamespace(NS)
        .withName(RUN).get();
    assertThat(done.getStatus().getPhase().value()).isEqualTo("Succeeded");
    // the planted defects score in a pod as they do here, trial for trial
    Parity.assertSameVerdicts(admin, NS, manifest,
        Duration.between(start, Instant.now()).toSeconds());
    // the finished run's series, after a few more scrapes
    Await.until(Duration.ofMinutes(1), "Prometheus has the run's A%", () -> !prometheus.query(
        "decaybench_run_a_percent{namespace=\"" + NS + "\", run=\"" + RUN + "\"}").isEmpty());

    List<String> empty = new ArrayList<>();
    List<String> notProduced = new ArrayList<>();
    int evaluated = 0;
    for (Dashboards.Query q : Dashboards.queries()) {
      if (Dashboards.metricNames(q.expr()).stream()
          .anyMatch(NOT_PRODUCED_BY_A_REPLAY_RUN::contains)) {
        notProduced.add(q.toString());
        continue;
      }
      List<JsonNode> result = prometheus.query(Dashboards.forPrometheus(q.expr()));
      evaluated++;
      if (result.isEmpty()) {
        empty.add(q.toString());
      }
    }
    System.out.printf("in-cluster operator: %d dashboard queries with data; not produced by a"
        + " replay run: %d%n", evaluated - empty.size(), notProduced.size());
    assertThat(evaluated).isGreaterThan(20);
    assertThat(empty).as("dashboard queries without data").isEmpty();
  }

  /** podIP:port of the operator pod's container port named http-metrics. */
  private String metricsTarget(ChartRelease release) {
    Pod pod = admin.pods().inNamespace(NS).withLabel("app.kubernetes.io/instance", release.name())
        .list().getItems().stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null)
        .findFirst().orElseThrow(() -> new AssertionError("no operator pod with an address"));
    int port = pod.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
        .filter(p -> "http-metrics".equals(p.getName())).findFirst()
        .orElseThrow(() -> new AssertionError("the operator pod has no port http-metrics"))
        .getContainerPort();
    return pod.getStatus().getPodIP() + ":" + port;
  }

  private void awaitOperatorAvailable(ChartRelease release) {
    try {
      Await.until(Duration.ofMinutes(3), "the operator Deployment available", () -> {
        Deployment d = admin.apps().deployments().inNamespace(NS).withName(release.fullname())
            .get();
        return d != null && d.getStatus() != null && d.getStatus().getAvailableReplicas() != null
            && d.getStatus().getAvailableReplicas() == 1;
      });
    } catch (AssertionError e) {
      for (Pod p : admin.pods().inNamespace(NS).list().getItems()) {
        System.err.println(p.getMetadata().getName() + ": " + p.getStatus());
        try {
          System.err.println(admin.pods().inNamespace(NS).withName(p.getMetadata().getName())
              .getLog());
        } catch (RuntimeException logs) {
          System.err.println("(no log: " + logs.getMessage() + ")");
        }
      }
      throw e;
    }
  }
}
