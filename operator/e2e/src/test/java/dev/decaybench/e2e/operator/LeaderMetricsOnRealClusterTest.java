package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.e2e.cluster.ChartRelease;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the chart's operator with leader election on a real API server: both caches
 * hold the runs, but only the leader exports their gauges, so a dashboard's {@code sum()} over
 * the replicas counts each run once; the standby exports them once it takes over.
 */
class LeaderMetricsOnRealClusterTest {

  /** A release of its own, with leader election (and its Lease RBAC) switched on. */
  private static final String NS = "bench-ha";

  private final E2eCluster e2e = E2eCluster.get();

  @Test
  void onlyTheLeaderExportsTheRunGaugesAndTheStandbyTakesThemOver() {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(90, true, null),
        Duration.ofSeconds(1)));
    List<DecaybenchOperator> replicas = new ArrayList<>();
    try (KubernetesClient admin = e2e.controlPlane().admin()) {
      E2eCluster.reset(admin, NS);
      ChartRelease ha = ChartRelease.install(e2e.controlPlane(), "ha", NS,
          Map.of("operator.leaderElection.enabled", "true"));
      Map<String, String> env = Map.of("DECAYBENCH_LEASE_DURATION_SECONDS", "8",
          "DECAYBENCH_EXIT_ON_LOST_LEADERSHIP", "false", "DECAYBENCH_STATUS_INTERVAL_SECONDS", "1");
      for (int i = 0; i < 2; i++) {
        replicas.add(InstalledOperator.start(e2e.controlPlane(), ha, env));
      }
      EvaluationRun run = Runs.reference("watched", List.of(Framework.FLASK),
          List.of("postgres"), 1, 1);
      run.getMetadata().setNamespace(NS);
      admin.resource(run).create();
      Await.until(Duration.ofSeconds(150), "run watched Succeeded", () -> {
        EvaluationRun r = admin.resources(EvaluationRun.class).inNamespace(NS)
            .withName("watched").get();
        return "Succeeded".equals(Runs.phase(r));
      });
      String holder = admin.leases().inNamespace(NS).withName("decaybench-operator").get()
          .getSpec().getHolderIdentity();
      DecaybenchOperator leader = replicas.stream().filter(r -> r.identity().equals(holder))
          .findFirst().orElseThrow();
      DecaybenchOperator standby = replicas.stream().filter(r -> r != leader).findFirst()
          .orElseThrow();
      Await.until(Duration.ofSeconds(30), "the leader's run gauges",
          () -> scrape(leader).contains("decaybench_run_trials{namespace=\"bench-ha\",run="
              + "\"watched\",state=\"evaluated\"} 1.0"));
      String standbys = scrape(standby);
      assertThat(standbys).doesNotContain("decaybench_runs{", "decaybench_run_trials{",
          "decaybench_run_a_percent{", "decaybench_trials_active ");
      assertThat(standbys).contains("jvm_memory_used_bytes");

      leader.close();
      replicas.remove(leader);
      Await.until(Duration.ofSeconds(90), "the new leader's run gauges",
          () -> scrape(standby).contains("decaybench_runs{phase=\"Succeeded\"} 1.0"),
          () -> String.valueOf(lease(admin)));
    } finally {
      replicas.forEach(DecaybenchOperator::close);
      try (KubernetesClient admin = e2e.controlPlane().admin()) {
        E2eCluster.reset(admin, NS);
      }
    }
  }

  private static Lease lease(KubernetesClient admin) {
    return admin.leases().inNamespace(NS).withName("decaybench-operator").get();
  }

  private static String scrape(DecaybenchOperator op) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + op.httpPort() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
