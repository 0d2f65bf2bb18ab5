package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A kubelet restarted under a running trial on the real node costs nothing: the run succeeds
 * with every trial evaluated. (A trial pod deleted mid-run is retried as infrastructure and the
 * run loses nothing: OperatorInClusterOnRealNodeTest deletes one.)
 */
class KilledTrialOnRealNodeTest extends RealClusterTest {

  private static final String NS = RealNodeCluster.NAMESPACE;

  private final RealNodeCluster cluster = RealNodeCluster.get();

  KilledTrialOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void aKubeletRestartedWhileATrialRunsLosesNothing() {
    startTwoTrialRun("kubelet-restart");
    cluster.controlPlane().restartKubelet();

    awaitAllEvaluatedAt100("kubelet-restart");
  }

  /** Two reference trials on the real node; returns once one of their pods runs. */
  private void startTwoTrialRun(String name) {
    operator = InstalledOperator.start(cluster.controlPlane(), cluster.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    EvaluationRun run = Runs.reference(name, List.of(Framework.FLASK),
        List.of("unconstrained", "postgres"), 1, 2);
    run.getMetadata().setNamespace(NS);
    admin.resource(run).create();
    Await.until(Duration.ofMinutes(3), "a trial pod of run " + name + " running",
        () -> running(name) != null);
  }

  /** The run succeeds with both trials evaluated at A% 100: nothing was lost. */
  private void awaitAllEvaluatedAt100(String name) {
    Await.until(Duration.ofMinutes(8), "run " + name + " finished", () -> {
      EvaluationRun r = admin.resources(EvaluationRun.class).inNamespace(NS).withName(name).get();
      return r.getStatus() != null && r.getStatus().getPhase() != null
          && r.getStatus().getPhase().isTerminal();
    });
    EvaluationRun done = admin.resources(EvaluationRun.class).inNamespace(NS).withName(name).get();
    List<EvaluationTrial> trials = admin.resources(EvaluationTrial.class).inNamespace(NS)
        .withLabel("decaybench.dev/run", name).list().getItems();
    System.out.printf("%s: %s, %d evaluated, retried %d%n", name, done.getStatus().getPhase(),
        done.getStatus().getTrials().getEvaluated(), done.getStatus().getTrials().getRetried());
    assertThat(done.getStatus().getPhase().value()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getTrials().getEvaluated()).isEqualTo(2);
    assertThat(trials).allSatisfy(t -> {
      assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
      assertThat(t.getStatus().getAPct()).isEqualTo(100.0);
    });
  }

  private Pod running(String runName) {
    return admin.pods().inNamespace(NS).withLabel("decaybench.dev/run", runName).list()
        .getItems().stream()
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .findFirst().orElse(null);
  }
}
