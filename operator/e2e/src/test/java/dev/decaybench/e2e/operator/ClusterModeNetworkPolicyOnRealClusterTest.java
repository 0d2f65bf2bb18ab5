package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.e2e.cluster.ChartRelease;
import dev.decaybench.e2e.cluster.ControlPlane;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster-wide release (watch.mode=cluster) of its own, beside the suite's namespaced one:
 * the trial NetworkPolicy is namespaced, so trials start only in namespaces that hold it; a run
 * elsewhere waits, says why, and starts once the admin adds its namespace (helm upgrade).
 */
class ClusterModeNetworkPolicyOnRealClusterTest {

  private static final String RELEASE_NS = "decaybench-system";
  private static final String CONFINED = "team-a";
  private static final String OTHER = "team-b";

  private final E2eCluster e2e = E2eCluster.get();
  private final ControlPlane cp = e2e.controlPlane();
  private final KubernetesClient admin = cp.admin();
  private ChartRelease release;
  private DecaybenchOperator operator;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    if (release != null) {
      release.uninstall(cp);
    }
    List.of(CONFINED, OTHER, RELEASE_NS).forEach(ns -> admin.namespaces().withName(ns).delete());
    admin.close();
  }

  @Test
  void trialsStartOnlyInNamespacesThatHoldTheTrialNetworkPolicy() {
    List.of(RELEASE_NS, CONFINED, OTHER).forEach(this::freshRestrictedNamespace);
    release = ChartRelease.install(cp, "e2e-cluster", RELEASE_NS,
        clusterMode(RELEASE_NS, CONFINED));
    String policy = release.fullname() + "-trials";
    assertThat(admin.resources(NetworkPolicy.class).inNamespace(CONFINED).withName(policy)
        .get()).isNotNull();
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(70, true, null),
        Duration.ofSeconds(1)));
    operator = InstalledOperator.start(cp, release,
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));

    admin.resource(run(CONFINED)).create();
    admin.resource(run(OTHER)).create();
    awaitSucceeded(CONFINED);
    Await.until(Duration.ofSeconds(60), "the run in " + OTHER + " waits for the policy",
        () -> progressing(OTHER).filter(c -> "NetworkPolicyMissing".equals(c.getReason()))
            .isPresent(), () -> String.valueOf(get(OTHER)));
    assertThat(progressing(OTHER).orElseThrow().getMessage()).contains(policy, OTHER);
    assertThat(admin.resources(EvaluationTrial.class).inNamespace(OTHER).list().getItems())
        .isEmpty();
    assertThat(admin.v1().events().inNamespace(OTHER).list().getItems())
        .anyMatch(e -> "NetworkPolicyMissing".equals(e.getReason()));

    release.upgrade(cp, clusterMode(RELEASE_NS, CONFINED, OTHER)); // as the admin would

    awaitSucceeded(OTHER); // woken by the policy appearing, not by a periodic look
  }

  /** watch.mode=cluster, the trial NetworkPolicy in {@code namespaces}. */
  private static Map<String, Object> clusterMode(String... namespaces) {
    Map<String, Object> values = new java.util.HashMap<>(Map.of("watch.mode", "cluster"));
    for (int i = 0; i < namespaces.length; i++) {
      values.put("networkPolicy.namespaces[" + i + "]", namespaces[i]);
    }
    return values;
  }

  private void freshRestrictedNamespace(String ns) {
    admin.namespaces().withName(ns).withTimeout(3, TimeUnit.MINUTES).delete();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
        .withLabels(Map.of("pod-security.kubernetes.io/enforce", "restricted",
            "pod-security.kubernetes.io/enforce-version", "latest"))
        .endMetadata().build()).serverSideApply();
  }

  private static EvaluationRun run(String ns) {
    EvaluationRun run = Runs.reference("wide", List.of(Framework.FLASK),
        List.of("unconstrained"), 1, 1);
    run.getMetadata().setNamespace(ns);
    return run;
  }

  private EvaluationRun get(String ns) {
    return admin.resources(EvaluationRun.class).inNamespace(ns).withName("wide").get();
  }

  private java.util.Optional<Condition> progressing(String ns) {
    EvaluationRun run = get(ns);
    return run == null || run.getStatus() == null ? java.util.Optional.empty()
        : run.getStatus().getConditions().stream()
            .filter(c -> Condition.PROGRESSING.equals(c.getType())).findFirst();
  }

  private void awaitSucceeded(String ns) {
    Await.until(Duration.ofSeconds(120), "run wide in " + ns + " Succeeded",
        () -> "Succeeded".equals(Runs.phase(get(ns))), () -> String.valueOf(get(ns)));
  }
}
