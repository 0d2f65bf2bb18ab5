package dev.decaybench.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.status.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The finished-trial counters follow the grading rule (TrialGrading), like the run summary; the
 * run gauges are exported by the leader only.
 */
class OperatorMetricsGradingTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final OperatorMetrics metrics = new OperatorMetrics(registry, 10);

  @Test
  void agentFailuresAndTimeOutsAreUnsuccessfulWithoutAService() {
    metrics.trialFinished(failed(), Reason.AgentFailed, Duration.ofSeconds(1));
    metrics.trialFinished(failed(), Reason.TimedOut, Duration.ofSeconds(1));
    assertThat(finished("unsuccessful", "AgentFailed")).isEqualTo(1.0);
    assertThat(finished("unsuccessful", "TimedOut")).isEqualTo(1.0);
    assertThat(registry.get("decaybench.trial.failure.classes").tag("class", "premature_termination")
        .counter().count()).isEqualTo(2.0);
  }

  @Test
  void harnessAndInfrastructureFailuresAreFailedAndHaveNoClass() {
    metrics.trialFinished(failed(), Reason.HarnessError, Duration.ofSeconds(1));
    metrics.trialFinished(failed(), Reason.AttemptsExhausted, Duration.ofSeconds(1));
    assertThat(finished("failed", "HarnessError")).isEqualTo(1.0);
    assertThat(finished("failed", "AttemptsExhausted")).isEqualTo(1.0);
    assertThat(registry.find("decaybench.trial.failure.classes").counters()).isEmpty();
  }

  @Test
  void aStandbyExportsNoRunOrTrialGaugesUntilItLeads() {
    EvaluationRun run = new EvaluationRun();
    run.getMetadata().setName("r");
    run.getMetadata().setNamespace("bench");
    metrics.bindRuns(() -> Stream.of(run));
    metrics.bindActiveTrials(() -> 3, 20);
    metrics.exporting(false);
    metrics.refresh();
    assertThat(registry.find("decaybench.runs").gauges()).isEmpty();
    assertThat(registry.find("decaybench.trials.active").gauges()).isEmpty();
    assertThat(registry.find("decaybench.trials.active.limit").gauges()).isEmpty();

    metrics.exporting(true);
    metrics.refresh();
    assertThat(registry.get("decaybench.runs").tag("phase", "Pending").gauge().value())
        .isEqualTo(1.0);
    assertThat(registry.get("decaybench.trials.active").gauge().value()).isEqualTo(3.0);
    assertThat(registry.get("decaybench.trials.active.limit").gauge().value()).isEqualTo(20.0);

    metrics.exporting(false); // leadership lost
    metrics.refresh();
    assertThat(registry.find("decaybench.runs").gauges()).isEmpty();
  }

  private double finished(String outcome, String reason) {
    return registry.get("decaybench.trials.finished").tag("outcome", outcome).tag("reason", reason)
        .counter().count();
  }

  private static EvaluationTrial failed() {
    EvaluationTrial t = new EvaluationTrial();
    EvaluationTrialStatus s = new EvaluationTrialStatus();
    s.setPhase(TrialPhase.FAILED);
    t.setStatus(s);
    return t;
  }
}
