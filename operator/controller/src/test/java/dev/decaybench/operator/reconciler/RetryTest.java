package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.status.TrialResults;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryTest extends OperatorTestBase {

  private static final Duration RUN = Duration.ofMillis(100);

  @Test
  void anEvictedAttemptIsRetriedWithANewPodAndTheTrialStillCounts() {
    startOperator();
    // every first attempt is evicted; the second succeeds
    startKubelet(pod -> pod.getMetadata().getName().endsWith("-a0")
        ? new FakeKubelet.Evict(RUN) : new FakeKubelet.Succeed(result(100, true, null), RUN),
        Duration.ofMillis(20));
    create(Runs.reference("evict", List.of(Framework.FLASK), List.of("postgres"), 2, 2));

    EvaluationRun run = awaitPhase("evict", "Succeeded", Duration.ofSeconds(60));

    assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(2);
    assertThat(run.getStatus().getTrials().getRetried()).isEqualTo(2);
    assertThat(Conditions.find(run.getStatus().getConditions(), Condition.DEGRADED))
        .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("TrialsRetried"));
    assertThat(kubelet.podsSeen()).containsExactlyInAnyOrder("evict-0-a0", "evict-1-a0",
        "evict-0-a1", "evict-1-a1");
    for (EvaluationTrial t : Runs.trials(client, "evict")) {
      assertThat(t.getSpec().getAttempt()).isEqualTo(1);
      assertThat(t.getStatus().getPodName()).endsWith("-a1");
      assertThat(t.getMetadata().getAnnotations().get("decaybench.dev/last-retry-reason"))
          .startsWith("Evicted");
    }
    List<Event> events = client.v1().events().inNamespace(Runs.NS).list().getItems();
    assertThat(events).extracting(Event::getReason).contains("TrialRetried", "Started",
        "Completed");
  }

  @Test
  void aFailingAgentIsNotRetried() {
    startOperator();
    startKubelet(pod -> new FakeKubelet.FailContainer("agent", 1, "Error",
        "agent crashed: out of credits", RUN), Duration.ofMillis(20));
    create(Runs.reference("agentfail", List.of(Framework.FLASK), List.of("postgres"), 2, 2));

    EvaluationRun run = awaitPhase("agentfail", "Failed", Duration.ofSeconds(60));

    assertThat(run.getStatus().getTrials().getFailed()).isEqualTo(2);
    assertThat(run.getStatus().getTrials().getRetried()).isZero();
    assertThat(Conditions.find(run.getStatus().getConditions(), Condition.COMPLETE))
        .hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getReason()).isEqualTo("NoTrialEvaluated");
        });
    assertThat(kubelet.podsSeen()).containsExactlyInAnyOrder("agentfail-0-a0", "agentfail-1-a0");
    for (EvaluationTrial t : Runs.trials(client, "agentfail")) {
      assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.FAILED);
      assertThat(TrialResults.reason(t)).isEqualTo("AgentFailed");
      assertThat(t.getStatus().getMessage()).contains("out of credits");
    }
  }

  @Test
  void attemptsAreBoundedAndFailedPodsAreKeptWhenAsked() {
    startOperator(Map.of("DECAYBENCH_MAX_ATTEMPTS", "2"));
    startKubelet(pod -> new FakeKubelet.FailContainer("evaluate", 137, "OOMKilled", null, RUN),
        Duration.ofMillis(20));
    EvaluationRun spec = Runs.reference("oom", List.of(Framework.FLASK), List.of("postgres"), 1, 1);
    spec.getSpec().getEvaluation().setKeepFailedPods(true);
    create(spec);

    EvaluationRun run = awaitPhase("oom", "Failed", Duration.ofSeconds(60));

    EvaluationTrial t = Runs.trials(client, "oom").get(0);
    assertThat(TrialResults.reason(t)).isEqualTo("AttemptsExhausted");
    assertThat(t.getStatus().getMessage()).contains("HarnessOOMKilled");
    assertThat(run.getStatus().getTrials().getRetried()).isEqualTo(1);
    assertThat(kubelet.podsSeen()).containsExactly("oom-0-a0", "oom-0-a1");
    assertThat(Runs.pods(client, "oom")).extracting(p -> p.getMetadata().getName())
        .containsExactlyInAnyOrder("oom-0-a0", "oom-0-a1");
  }

  @Test
  void anImageThatCannotBePulledIsRetriedAfterTheGracePeriod() {
    startOperator(Map.of("DECAYBENCH_IMAGE_PULL_GRACE_SECONDS", "2"));
    startKubelet(pod -> pod.getMetadata().getName().endsWith("-a0")
        ? new FakeKubelet.ImagePullBackOff()
        : new FakeKubelet.Succeed(result(80, false, "server_startup_failure"), RUN),
        Duration.ofMillis(20));
    create(Runs.reference("pull", List.of(Framework.FLASK), List.of("postgres"), 1, 1));

    EvaluationRun run = awaitPhase("pull", "Succeeded", Duration.ofSeconds(60));

    assertThat(run.getStatus().getTrials().getRetried()).isEqualTo(1);
    assertThat(Runs.trials(client, "pull").get(0).getMetadata().getAnnotations()
        .get("decaybench.dev/last-retry-reason")).startsWith("ImagePullBackOff");
    assertThat(run.getStatus().getSummary().getFailureClasses())
        .containsEntry("server_startup_failure", 1);
  }
}
