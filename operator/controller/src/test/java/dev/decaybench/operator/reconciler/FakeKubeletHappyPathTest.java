package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeKubeletHappyPathTest extends OperatorTestBase {

  @Test
  void everyTrialIsEvaluatedAndTheRunSucceedsWithinItsParallelism() {
    startOperator();
    startKubelet(pod -> new FakeKubelet.Succeed(result(100, true, null), Duration.ofMillis(200)),
        Duration.ofMillis(50));
    create(Runs.reference("happy", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres", "postgres-sqlalchemy"), 2, 2));

    EvaluationRun run = awaitPhase("happy", "Succeeded", Duration.ofSeconds(60));

    assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(6);
    assertThat(run.getStatus().getProgress()).isEqualTo("6/6");
    assertThat(run.getStatus().getSummary().getAPct()).isEqualTo(100.0);
    assertThat(Conditions.isTrue(run.getStatus().getConditions(), Condition.COMPLETE)).isTrue();
    assertThat(Conditions.isTrue(run.getStatus().getConditions(), Condition.ACCEPTED)).isTrue();
    assertThat(run.getStatus().getObservedGeneration()).isEqualTo(1L);
    List<EvaluationTrial> trials = Runs.trials(client, "happy");
    assertThat(trials).hasSize(6).allSatisfy(t -> {
      assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
      assertThat(t.getStatus().getAPct()).isEqualTo(100.0);
      assertThat(t.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(o -> assertThat(o.getName()).isEqualTo("happy"));
    });
    assertThat(kubelet.maxRunning()).isLessThanOrEqualTo(2);
    Await.until(Duration.ofSeconds(60), "finished pods deleted",
        () -> Runs.pods(client, "happy").isEmpty());
  }
}
