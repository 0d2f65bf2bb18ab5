package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.api.v1alpha1.AgentSpec;
import dev.decaybench.api.v1alpha1.AgentType;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import dev.decaybench.api.v1alpha1.Framework;
import dev.decaybench.api.v1alpha1.Timeouts;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.status.TrialResults;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.RealPodRunner;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One time limit for the whole trial: the stand-in node runs the pod the API server admitted
 * (prepare, agent and evaluate through the runner's CLI), and an agent that used up the trial's
 * time leaves the evaluation none, instead of the evaluation getting trialSeconds again.
 */
class TrialTimeBudgetOnRealClusterTest {

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();
  private DecaybenchOperator operator;

  @TempDir
  Path pods;

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    admin.close();
  }

  @Test
  void anAgentThatUsedTheWholeTrialLeavesTheEvaluationNoTime() {
    RealPodRunner runner = new RealPodRunner(pods);
    e2e.node().play(pod -> new FakeKubelet.RunReally(runner));
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    EvaluationRun run = Runs.reference("budget", List.of(Framework.FLASK),
        List.of("unconstrained"), 1, 1);
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("sleep", "9")); // of a 8 s trial
    run.getSpec().setAgent(agent);
    // before the fix evaluate got 8 s of its own: enough to score the empty app (health 2 s)
    run.getSpec().setTimeouts(new Timeouts(8, null, 2));
    admin.resource(run).create();

    Await.until(Duration.ofMinutes(3), "trial budget-0 finished",
        () -> TrialResults.isTerminal(trial()), () -> String.valueOf(trial()));
    assertThat(TrialResults.reason(trial())).isEqualTo("TimedOut");
    assertThat(trial().getStatus().getMessage()).contains("evaluate exited with 124");
  }

  private EvaluationTrial trial() {
    return admin.resources(EvaluationTrial.class).inNamespace(Runs.NS).withName("budget-0")
        .get();
  }
}
