package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run deleted and created again under the same name is a new run (a new uid): the old run's
 * trials, which the real garbage collector removes only some time after their owner, are not
 * its trials, even though they carry its name.
 */
class RecreatedRunOnRealClusterTest {

  private static final String RUN = "again";
  /** Holds the old trials after their run is gone, as a busy garbage collector would. */
  private static final String HOLD = "e2e.decaybench.dev/hold";

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();
  private DecaybenchOperator operator;

  @AfterEach
  void stop() {
    Runs.trials(admin, RUN).forEach(this::release);
    admin.resources(EvaluationRun.class).inNamespace(Runs.NS).withName(RUN).delete();
    if (operator != null) {
      operator.close();
    }
    admin.close();
  }

  @Test
  void aRunRecreatedUnderTheSameNameRunsItsOwnTrialsInsteadOfAdoptingTheOldOnes() {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(90, true, null),
        Duration.ofSeconds(1)));
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    admin.resource(run()).create();
    awaitSucceeded();
    String oldUid = Runs.get(admin, RUN).getMetadata().getUid();
    Runs.trials(admin, RUN).forEach(t -> admin.resource(t).edit(x -> {
      x.getMetadata().getFinalizers().add(HOLD);
      return x;
    }));

    admin.resources(EvaluationRun.class).inNamespace(Runs.NS).withName(RUN)
        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete(); // kubectl's default
    Await.until(Duration.ofSeconds(60), "old run gone", () -> Runs.get(admin, RUN) == null);
    int podsBefore = e2e.node().kubelet().podsSeen().size();
    String newUid = admin.resource(run()).create().getMetadata().getUid();
    assertThat(newUid).isNotEqualTo(oldUid);

    // the new run has been looked at while the old trials linger: it neither counts nor ends
    Await.until(Duration.ofSeconds(60), "new run accepted", () -> accepted(Runs.get(admin, RUN)));
    Await.sleep(3000);
    EvaluationRun waiting = Runs.get(admin, RUN);
    assertThat(Runs.phase(waiting)).isNotEqualTo("Succeeded");
    assertThat(waiting.getStatus().getTrials().getEvaluated()).isZero();

    Runs.trials(admin, RUN).forEach(this::release); // the garbage collector gets to them
    awaitSucceeded();
    List<EvaluationTrial> trials = Runs.trials(admin, RUN);
    assertThat(trials).hasSize(2).allSatisfy(t -> assertThat(
        t.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(newUid));
    assertThat(Runs.get(admin, RUN).getStatus().getTrials().getEvaluated()).isEqualTo(2);
    List<String> newPods = new ArrayList<>(e2e.node().kubelet().podsSeen());
    assertThat(newPods.subList(podsBefore, newPods.size()))
        .containsExactlyInAnyOrder(RUN + "-0-a0", RUN + "-1-a0");
  }

  private static EvaluationRun run() {
    return Runs.reference(RUN, List.of(Framework.FLASK), List.of("unconstrained", "postgres"),
        1, 2);
  }

  private void awaitSucceeded() {
    Await.until(Duration.ofSeconds(120), "run " + RUN + " Succeeded",
        () -> "Succeeded".equals(Runs.phase(Runs.get(admin, RUN))),
        () -> String.valueOf(Runs.get(admin, RUN)));
  }

  private static boolean accepted(EvaluationRun run) {
    return run != null && run.getStatus() != null && run.getStatus().getConditions().stream()
        .anyMatch(c -> "Accepted".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void release(EvaluationTrial trial) {
    try {
      admin.resources(EvaluationTrial.class).inNamespace(Runs.NS)
          .withName(trial.getMetadata().getName()).edit(x -> {
            x.getMetadata().getFinalizers().remove(HOLD);
            return x;
          });
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }
}
