package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.SecretKeyRef;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.model.v1alpha1.TrialUsageStatus;
import dev.decaybench.model.v1alpha1.UsageSummary;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.RealPodRunner;
import dev.decaybench.operator.testing.Runs;
import dev.decaybench.runner.run.e2e.ConduitModelServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path of the built-in LLM agent: the pod's agent container (`decaybench agent
 * --type llm`, as the pod factory writes it) is driven by the runner's scripted model, which
 * writes a correct Flask and a correct Express app file by file; the evaluate container scores
 * them, and the run's status carries 290/290 for both. What the agent spent (every scripted
 * reply reports 1000 prompt and 500 completion tokens) travels from agent.json through the
 * termination message into the trial status, priced at the run's price, and into the run's
 * usage.
 */
class LlmAgentInPodTest extends OperatorTestBase {

  @TempDir
  Path pods;

  @Test
  void aModelThatWritesACorrectAppScoresFullMarksInTheTrialPod() throws Exception {
    try (ConduitModelServer model = new ConduitModelServer(ConduitModelServer.Style.WRITE_FILE)) {
      startOperator(Map.of("DECAYBENCH_GLOBAL_PARALLELISM", "2"));
      RealPodRunner runner = new RealPodRunner(pods);
      startKubelet(pod -> new FakeKubelet.RunReally(runner), Duration.ofMillis(10));
      EvaluationRun run = Runs.reference("scripted-llm", List.of(Framework.FLASK, Framework.EXPRESS),
          List.of("unconstrained"), 1, 2);
      AgentSpec agent = new AgentSpec(AgentType.LLM);
      agent.setModel("scripted-conduit-model");
      agent.setEndpoint(model.endpoint());
      agent.setMaxSteps(80);
      // the pod takes the key from this Secret; the scripted model needs none
      agent.setApiKeySecretRef(new SecretKeyRef("llm", "token"));
      agent.setPrice(new TokenPrice(3.0, 15.0));
      run.getSpec().setAgent(agent);

      create(run);

      EvaluationRun done = awaitPhase("scripted-llm", "Succeeded", Duration.ofMinutes(4));
      List<EvaluationTrial> trials = Runs.trials(client, "scripted-llm");
      assertThat(trials).hasSize(2);
      assertThat(trials).allSatisfy(t -> {
        assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
        assertThat(t.getStatus().getAPct()).as(t.getSpec().getTask()).isEqualTo(100.0);
      });
      assertThat(done.getStatus().getSummary().getAPct()).isEqualTo(100.0);
      assertThat(model.calls()).extracting(ConduitModelServer.Call::framework)
          .contains("Flask", "Express");

      assertThat(trials).allSatisfy(t -> {
        String framework = t.getSpec().getFramework() == Framework.FLASK ? "Flask" : "Express";
        long calls = model.calls().stream().filter(c -> framework.equals(c.framework())).count();
        TrialUsageStatus u = t.getStatus().getUsage();
        assertThat(u.getLlmCalls()).as(framework).isEqualTo((int) calls);
        assertThat(u.getPromptTokens()).isEqualTo(1000 * calls);
        assertThat(u.getCompletionTokens()).isEqualTo(500 * calls);
        assertThat(u.getCost()).isCloseTo(calls * (1000 * 3.0 + 500 * 15.0) / 1e6, within(1e-9));
        assertThat(u.getSteps()).isPositive();
        assertThat(u.getToolCalls()).containsKey("writeFile");
        assertThat(t.getStatus().getTimings().getAgentSeconds()).isNotNull();
      });
      UsageSummary total = done.getStatus().getSummary().getUsage();
      assertThat(total.getPromptTokens()).isEqualTo(1000L * model.calls().size());
      assertThat(total.getCostPerSuccess()).isCloseTo(total.getCost() / 2, within(1e-6));
    }
  }
}
