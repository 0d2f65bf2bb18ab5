package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.status.TrialResults;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeGarbageCollector;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuspendAndDeleteTest extends OperatorTestBase {

  @Test
  void aSuspendedRunStartsNoTrialUntilResumed() {
    startOperator();
    startKubelet(pod -> new FakeKubelet.Succeed(result(100, true, null), Duration.ofMillis(400)),
        Duration.ofMillis(20));
    EvaluationRun spec = Runs.reference("paused", List.of(Framework.FLASK),
        List.of("postgres", "sqlite", "unconstrained"), 2, 2);
    spec.getSpec().setSuspend(true);
    create(spec);

    Await.until(Duration.ofSeconds(60), "Progressing=False/Suspended", () -> Conditions.find(
        Runs.get(client, "paused").getStatus().getConditions(), Condition.PROGRESSING)
        .map(c -> c.getReason().equals("Suspended")).orElse(false));
    Await.sleep(500);
    assertThat(Runs.trials(client, "paused")).isEmpty();
    assertThat(Runs.phase(Runs.get(client, "paused"))).isEqualTo("Pending");

    setSuspend("paused", false);
    Await.until(Duration.ofSeconds(60), "some trials evaluated",
        () -> Runs.trials(client, "paused").stream().filter(TrialResults::isTerminal).count() >= 2);
    setSuspend("paused", true);
    // a reconcile that began before the edit may still start a trial; once the run's status
    // shows generation 3 as suspended, every later reconcile sees the suspension
    Await.until(Duration.ofSeconds(60), "generation 3 seen suspended", () -> suspendedAt(3));
    Await.until(Duration.ofSeconds(60), "running trials finished", () ->
        Runs.trials(client, "paused").stream().allMatch(TrialResults::isTerminal));
    int started = Runs.trials(client, "paused").size();
    Await.sleep(800);
    assertThat(Runs.trials(client, "paused")).hasSize(started).hasSizeLessThan(6);
    assertThat(Runs.phase(Runs.get(client, "paused"))).isEqualTo("Running");

    setSuspend("paused", false);
    EvaluationRun done = awaitPhase("paused", "Succeeded", Duration.ofSeconds(60));
    assertThat(done.getStatus().getTrials().getEvaluated()).isEqualTo(6);
    assertThat(done.getStatus().getObservedGeneration()).isEqualTo(4L);
  }

  @Test
  void deletingARunMidwayRemovesItsTrialsAndPods() {
    startOperator();
    gc = new FakeGarbageCollector(client, Runs.NS).start();
    startKubelet(pod -> new FakeKubelet.Hang(), Duration.ofMillis(20));
    create(Runs.reference("doomed", List.of(Framework.FLASK), null, 2, 3));
    Await.until(Duration.ofSeconds(60), "three pods running",
        () -> Runs.pods(client, "doomed").size() == 3);
    assertThat(Runs.pods(client, "doomed")).allSatisfy(p -> assertThat(
        p.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("EvaluationTrial"));

    client.resource(Runs.get(client, "doomed")).delete();

    Await.until(Duration.ofSeconds(60), "trials and pods collected",
        () -> Runs.trials(client, "doomed").isEmpty() && Runs.pods(client, "doomed").isEmpty());
    Await.sleep(1000);
    assertThat(Runs.trials(client, "doomed")).isEmpty();
    assertThat(Runs.pods(client, "doomed")).isEmpty();
    assertThat(kubelet.podsSeen()).hasSize(3);
    // the operator still works
    startKubeletFor("after");
    create(Runs.reference("after", List.of(Framework.FLASK), List.of("postgres"), 1, 1));
    awaitPhase("after", "Succeeded", Duration.ofSeconds(60));
  }

  private void startKubeletFor(String run) {
    kubelet.close();
    startKubelet(pod -> new FakeKubelet.Succeed(result(100, true, null), Duration.ofMillis(50)),
        Duration.ofMillis(20));
  }

  private boolean suspendedAt(long generation) {
    EvaluationRun run = Runs.get(client, "paused");
    return run.getStatus() != null && run.getStatus().getObservedGeneration() != null
        && run.getStatus().getObservedGeneration() >= generation
        && Conditions.find(run.getStatus().getConditions(), Condition.PROGRESSING)
            .map(c -> "Suspended".equals(c.getReason())).orElse(false);
  }

  private void setSuspend(String name, boolean suspend) {
    // a merge patch, as `kubectl patch` sends it: no resourceVersion, so the operator's status
    // writes in between cannot make it conflict
    client.resources(EvaluationRun.class).inNamespace(Runs.NS).withName(name).patch(
        PatchContext.of(PatchType.JSON_MERGE), "{\"spec\": {\"suspend\": " + suspend + "}}");
  }
}
