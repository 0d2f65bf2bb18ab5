package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The operator stopped and started 20 times at random moments: no trial lost or doubled. */
class RestartTest extends OperatorTestBase {

  @Test
  void twentyRestartsMidRunLoseAndDuplicateNothing() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    System.out.println("RestartTest seed " + seed);
    startKubelet(pod -> new FakeKubelet.Succeed(result(50 + random.nextInt(50), false,
        "logic_error"), Duration.ofMillis(300 + random.nextInt(600))), Duration.ofMillis(20));
    // at most 40 of the 60 pods finish before the last restart: every restart is mid-run however
    // fast the pods or slow the operator's start-ups (a loaded machine once ended the run at 19)
    AtomicBoolean restarting = new AtomicBoolean(true);
    kubelet.holdWhile(() -> restarting.get() && kubelet.finishedPods() >= 40);
    startOperator();
    EvaluationRun spec = Runs.reference("restarts", List.of(Framework.FLASK, Framework.KOA),
        null, 3, 4);
    create(spec);

    int restarts = 0;
    int midRun = 0;
    while (restarts < 20) {
      Thread.sleep(100 + random.nextInt(400));
      if (!"Succeeded".equals(Runs.phase(Runs.get(client, "restarts")))) {
        midRun++;
      }
      operator.close();
      if (random.nextBoolean()) {
        Thread.sleep(random.nextInt(300)); // the cluster moves on while no operator runs
      }
      startOperator();
      restarts++;
    }
    restarting.set(false);
    EvaluationRun run = awaitPhase("restarts", "Succeeded", Duration.ofSeconds(120));
    assertThat(midRun).as("restarts while the run was going").isEqualTo(20);

    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(spec.getSpec());
    List<EvaluationTrial> trials = Runs.trials(client, "restarts");
    assertThat(trials).hasSize(60);
    Map<String, EvaluationTrial> byName = trials.stream()
        .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
    for (PlannedTrial<TaskRef> p : plan) {
      EvaluationTrial t = byName.get("restarts-" + p.index());
      assertThat(t).as("trial %d", p.index()).isNotNull();
      assertThat(p.matches(t.getSpec())).isTrue();
      assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
      assertThat(t.getSpec().getAttempt()).isZero();
    }
    assertThat(kubelet.podsSeen()).as("one pod per trial, never a second one").hasSize(60)
        .allSatisfy(n -> assertThat(n).endsWith("-a0"));
    assertThat(kubelet.maxRunning()).isLessThanOrEqualTo(4);
    assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(60);
    assertThat(run.getStatus().getTrials().getRetried()).isZero();
    assertThat(run.getStatus().getSummary().getTrials()).isEqualTo(60);
  }
}
