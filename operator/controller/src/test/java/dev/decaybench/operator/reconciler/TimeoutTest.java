package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.status.TrialResults;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeoutTest extends OperatorTestBase {

  @Test
  void aTrialOverItsTimeLimitFailsAndIsNotRetried() {
    startOperator();
    startKubelet(pod -> new FakeKubelet.Hang(), Duration.ofMillis(20));
    create(Runs.withTimeouts(Runs.reference("slow", List.of(Framework.FLASK),
        List.of("postgres"), 1, 1), 2, null));

    EvaluationRun run = awaitPhase("slow", "Failed", Duration.ofSeconds(60));

    EvaluationTrial t = Runs.trials(client, "slow").get(0);
    assertThat(TrialResults.reason(t)).isEqualTo("TimedOut");
    assertThat(t.getSpec().getAttempt()).isZero();
    assertThat(kubelet.podsSeen()).containsExactly("slow-0-a0");
    assertThat(run.getStatus().getTrials().getFailed()).isEqualTo(1);
  }

  @Test
  void aRunOverItsTimeLimitFailsAndStopsItsTrials() {
    startOperator();
    startKubelet(pod -> new FakeKubelet.Hang(), Duration.ofMillis(20));
    // the pods' own limit (3 s, as the run's: a trial may not outlast its run) is not enforced,
    // so only the run's limit can end them: a loaded machine once noticed the run's end after a
    // pod's deadline, and the trial was TimedOut instead of RunEnded
    kubelet.holdWhile(() -> true);
    create(Runs.withTimeouts(Runs.reference("late", List.of(Framework.FLASK),
        List.of("postgres", "sqlite"), 2, 2), 3, 3));

    EvaluationRun run = awaitPhase("late", "Failed", Duration.ofSeconds(60));

    assertThat(Conditions.find(run.getStatus().getConditions(), Condition.COMPLETE))
        .hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("True");
          assertThat(c.getReason()).isEqualTo("RunTimedOut");
        });
    assertThat(run.getStatus().getCompletionTime()).isNotNull();
    Await.until(Duration.ofSeconds(60), "the running trials stopped", () ->
        Runs.trials(client, "late").stream().allMatch(TrialResults::isTerminal)
            && Runs.pods(client, "late").isEmpty());
    assertThat(Runs.trials(client, "late")).hasSize(2)
        .allSatisfy(t -> assertThat(TrialResults.reason(t)).isEqualTo("RunEnded"));
    // no trial starts after the run ended
    Await.sleep(500);
    assertThat(Runs.trials(client, "late")).hasSize(2);
  }
}
