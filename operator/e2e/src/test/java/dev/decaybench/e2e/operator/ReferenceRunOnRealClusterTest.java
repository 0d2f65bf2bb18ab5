package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceRunOnRealClusterTest extends RealClusterTest {

  private final E2eCluster e2e = E2eCluster.get();

  ReferenceRunOnRealClusterTest() {
    super(E2eCluster.get().controlPlane());
  }

  @Test
  void aRunCompletesWithTheOperatorAsTheChartsServiceAccountAndRestrictedPods() {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(90, true, null),
        Duration.ofSeconds(1)));
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));

    admin.resource(Runs.reference("first", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres"), 1, 2)).create();

    Await.until(Duration.ofSeconds(120), "run first Succeeded",
        () -> "Succeeded".equals(Runs.phase(Runs.get(admin, "first"))),
        () -> String.valueOf(Runs.get(admin, "first").getStatus()));
    EvaluationRun run = Runs.get(admin, "first");
    assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(2);
    assertThat(run.getStatus().getSummary().getAPct()).isEqualTo(90.0);
    List<EvaluationTrial> trials = Runs.trials(admin, "first");
    assertThat(trials).hasSize(2).allSatisfy(t ->
        assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED));
    assertThat(e2e.node().kubelet().podsSeen()).hasSizeGreaterThanOrEqualTo(2);
  }
}
