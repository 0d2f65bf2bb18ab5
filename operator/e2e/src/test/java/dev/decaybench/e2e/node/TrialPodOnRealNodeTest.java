package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import dev.decaybench.api.v1alpha1.Framework;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trial pod on the real node: containerd, runc, the images built here, restricted pods. */
class TrialPodOnRealNodeTest extends RealClusterTest {

  private final RealNodeCluster cluster = RealNodeCluster.get();

  TrialPodOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void theReferenceAgentsFlaskTrialIsEvaluatedInARealPod() {
    operator = InstalledOperator.start(cluster.controlPlane(), cluster.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    EvaluationRun run = Runs.reference("real-flask", List.of(Framework.FLASK),
        List.of("unconstrained"), 1, 1);
    run.getMetadata().setNamespace(RealNodeCluster.NAMESPACE);
    Instant start = Instant.now();
    admin.resource(run).create();

    Await.until(Duration.ofMinutes(10), "run real-flask finished",
        () -> {
          EvaluationRun r = admin.resources(EvaluationRun.class)
              .inNamespace(RealNodeCluster.NAMESPACE).withName("real-flask").get();
          return r.getStatus() != null && r.getStatus().getPhase() != null
              && r.getStatus().getPhase().isTerminal();
        });
    List<EvaluationTrial> trials = admin.resources(EvaluationTrial.class)
        .inNamespace(RealNodeCluster.NAMESPACE).withLabel("decaybench.dev/run", "real-flask")
        .list().getItems();
    System.out.printf("real pod trial: %s in %d s%n", trials.get(0).getStatus(),
        Duration.between(start, Instant.now()).toSeconds());
    assertThat(trials).singleElement().satisfies(t -> {
      assertThat(t.getStatus().getPhase()).as(t.getStatus().getMessage())
          .isEqualTo(dev.decaybench.api.v1alpha1.TrialPhase.EVALUATED);
      assertThat(t.getStatus().getAPct()).isEqualTo(100.0);
      assertThat(t.getStatus().getStrictAPct()).isEqualTo(100.0);
    });
  }
}
