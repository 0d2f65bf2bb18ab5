package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.Images;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.e2e.cluster.ChartRelease;
import dev.decaybench.e2e.cluster.ControlPlane;
import dev.decaybench.e2e.cluster.Parity;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.e2e.cluster.RestrictedNamespace;
import dev.decaybench.helm.Dashboards;
import dev.decaybench.helm.PrometheusHarness;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's operator as users run it: the Deployment on the real node (the operator image
 * built here, its ServiceAccount's token, the API server through the kubernetes Service and
 * kube-proxy), a run with planted defects completed by it (each trial scoring as with
 * {@code decaybench run -f} here: examples/cluster-parity-replay.yaml, stored solutions on Flask
 * and Express at L0 and L3, one missing on purpose), and Debian's Prometheus scraping the
 * operator pod on the pod's address (found through the API by its metrics port, as Kubernetes
 * service discovery would: Debian builds Prometheus without it). With a pod lost mid-run (a
 * retry), a priced run at L0 to L3 whose command agent reports tokens and a run whose agent
 * fails, every dashboard query returns data.
 */
class OperatorInClusterOnRealNodeTest extends RealClusterTest {

  private static final String NS = "bench-incluster";
  private static final String RUN = "cluster-parity-replay";

  /**
   * A command agent in the runner image that writes an app it carries (the Flask reference app,
   * as an agent CLI writes its own files: a command agent does not see the runner's reference
   * apps) and reports what it spent, as an agent CLI would: tokens, calls.
   */
  private static final String RUNNER_IMAGE = "decaybench/decaybench-runner:0.1.0-python";

  private static String pricedAgent() {
    return "echo '" + flaskAppTarball() + "' | base64 -d | tar xz -C \"$DECAYBENCH_WORKSPACE\""
        + " && printf '{\"promptTokens\": 1000, \"completionTokens\": 200,"
        + " \"calls\": 2}' > \"$DECAYBENCH_USAGE_FILE\"";
  }

  private static String flaskAppTarball() {
    Path app = Path.of("").toAbsolutePath().getParent().getParent()
        .resolve("runner-image/src/main/resources/reference-apps/flask-sqlalchemy-postgres");
    try {
      Process tar = new ProcessBuilder("tar", "czf", "-", "-C", app.toString(), ".")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      byte[] bytes = tar.getInputStream().readAllBytes();
      assertThat(tar.waitFor()).as("tar of " + app).isZero();
      return Base64.getEncoder().encodeToString(bytes);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

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
    Parity.LocalRun local = Parity.startLocally(manifest);
    Instant start = Instant.now();
    admin.resource(run).create();
    admin.resource(pricedRun()).create();
    admin.resource(failingRun()).create();
    // one pod lost mid-run: the attempt is retried (the retries panel), nothing is lost
    Await.until(Duration.ofMinutes(3), "a pod of " + RUN + " running", () -> running() != null);
    admin.pods().inNamespace(NS).withName(running().getMetadata().getName()).delete();
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
    // the deleted pod's trial ran again (an infrastructure failure, not the agent's) ...
    assertThat(done.getStatus().getTrials().getRetried()).isGreaterThanOrEqualTo(1);
    assertThat(admin.resources(EvaluationTrial.class).inNamespace(NS)
        .withLabel("decaybench.dev/run", RUN).list().getItems())
        .anySatisfy(t -> assertThat(t.getSpec().getAttempt()).isGreaterThan(0));
    // ... and the planted defects score in a pod as they do here, trial for trial: none lost
    Parity.assertSameVerdicts(admin, NS, local,
        Duration.between(start, Instant.now()).toSeconds());
    // the finished run's series, after a few more scrapes
    Await.until(Duration.ofMinutes(1), "Prometheus has the run's A%", () -> !prometheus.query(
        "decaybench_run_a_percent{namespace=\"" + NS + "\", run=\"" + RUN + "\"}").isEmpty());

    for (String extra : List.of("priced", "failing")) {
      Await.until(Duration.ofMinutes(5), "run " + extra + " finished", () -> {
        EvaluationRun r = admin.resources(EvaluationRun.class).inNamespace(NS).withName(extra)
            .get();
        return r.getStatus() != null && r.getStatus().getPhase() != null
            && r.getStatus().getPhase().isTerminal();
      });
    }
    Await.until(Duration.ofMinutes(1), "Prometheus has the priced run's cost", () -> !prometheus
        .query("decaybench_run_cost_total{namespace=\"" + NS + "\", run=\"priced\"}").isEmpty());

    List<String> empty = new ArrayList<>();
    int evaluated = 0;
    for (Dashboards.Query q : Dashboards.queries()) {
      List<JsonNode> result = prometheus.query(Dashboards.forPrometheus(q.expr()));
      evaluated++;
      if (result.isEmpty()) {
        empty.add(q.toString());
      }
    }
    System.out.printf("in-cluster operator: %d of %d dashboard queries with data%n",
        evaluated - empty.size(), evaluated);
    assertThat(evaluated).isGreaterThan(30);
    assertThat(empty).as("dashboard queries without data").isEmpty();
  }

  /**
   * The cost panels and the decay from level to level: a command agent that reports tokens, with
   * a price, on Flask at L0 to L3.
   */
  private static EvaluationRun pricedRun() {
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("bash", "-c", pricedAgent()));
    agent.setModel("scripted-model");
    agent.setPrice(new TokenPrice(3.0, 15.0));
    return extraRun("priced", agent, List.of("unconstrained", "clean_architecture",
        "clean_architecture-postgres", "clean_architecture-postgres-sqlalchemy"));
  }

  /** A trial without a result: an agent image that exits 1 (the "without a result" panel). */
  private static EvaluationRun failingRun() {
    AgentSpec agent = new AgentSpec(AgentType.IMAGE);
    agent.setImage(RUNNER_IMAGE);
    agent.setCommand(List.of("false"));
    return extraRun("failing", agent, List.of("unconstrained"));
  }

  private static EvaluationRun extraRun(String name, AgentSpec agent, List<String> variants) {
    EvaluationRun run = Runs.reference(name, List.of(Framework.FLASK), variants, 1, 2);
    run.getMetadata().setNamespace(NS);
    run.getSpec().setAgent(agent);
    Images images = new Images();
    images.setRunner(RUNNER_IMAGE); // a command agent runs in it (and calls its CLI)
    run.getSpec().setImages(images);
    return run;
  }

  private Pod running() {
    return admin.pods().inNamespace(NS).withLabel("decaybench.dev/run", RUN).list().getItems()
        .stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .findFirst().orElse(null);
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
