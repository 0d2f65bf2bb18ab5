package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.model.v1alpha1.UsageSummary;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What trials cost, through the operator (issue 19): each pod's termination message carries the
 * agent's tokens; the trial status gets them with their cost at the run's price, the run status
 * the totals per run, level and framework from the shared aggregation, and /metrics the token and
 * cost counters of the run and its model.
 */
class RunCostTest extends OperatorTestBase {

  /** Three trials: two successes and one failure, each 1000 prompt and 200 completion tokens. */
  private static String pod(String task) {
    boolean success = !task.contains("postgres-sqlalchemy");
    return new CompactResult(success ? 100 : 40, success ? 100 : 0, success ? 100 : 0, success, true,
        success ? 290 : 116, 290, null, null, List.of(), success ? null : "logic_error", null, null, List.of())
        .withUsage(new TrialUsage(1000L, 200L, 2, 3, Map.of("shell", 2, "finish", 1), null, null, null))
        .toJson();
  }

  @Test
  void trialAndRunStatusAndMetricsShowTokensAndCostAtTheRunsPrice() throws Exception {
    startOperator();
    startKubelet(p -> new FakeKubelet.Succeed(pod(p.getMetadata().getAnnotations().get("decaybench.dev/task")),
        Duration.ofMillis(100)), Duration.ofMillis(20));
    EvaluationRun run = Runs.reference("priced", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres", "postgres-sqlalchemy"), 1, 3);
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("my-agent"));
    agent.setModel("gpt-test");
    agent.setPrice(new TokenPrice(3.0, 15.0));
    run.getSpec().setAgent(agent);
    dev.decaybench.model.v1alpha1.Images images = new dev.decaybench.model.v1alpha1.Images();
    images.setRunner("registry.example.com/runner-with-my-agent:1"); // where the CLI lives
    run.getSpec().setImages(images);

    create(run);
    EvaluationRun done = awaitPhase("priced", "Succeeded", Duration.ofSeconds(60));

    // (1000 x 3 + 200 x 15) / 1e6 = 0.006 per trial
    List<EvaluationTrial> trials = Runs.trials(client, "priced");
    assertThat(trials).hasSize(3).allSatisfy(t -> {
      assertThat(t.getStatus().getUsage().getPromptTokens()).isEqualTo(1000L);
      assertThat(t.getStatus().getUsage().getCompletionTokens()).isEqualTo(200L);
      assertThat(t.getStatus().getUsage().getLlmCalls()).isEqualTo(2);
      assertThat(t.getStatus().getUsage().getSteps()).isEqualTo(3);
      assertThat(t.getStatus().getUsage().getToolCalls()).containsEntry("shell", 2);
      assertThat(t.getStatus().getUsage().getCost()).isCloseTo(0.006, within(1e-12));
    });
    UsageSummary usage = done.getStatus().getSummary().getUsage();
    assertThat(usage.getPromptTokens()).isEqualTo(3000L);
    assertThat(usage.getCompletionTokens()).isEqualTo(600L);
    assertThat(usage.getLlmCalls()).isEqualTo(6L);
    assertThat(usage.getCost()).isEqualTo(0.018);
    assertThat(usage.getCostPerSuccess()).isEqualTo(0.009);
    assertThat(done.getStatus().getSummary().getPerLevel().get("L2").getUsage().getCost()).isEqualTo(0.006);
    assertThat(done.getStatus().getSummary().getPerFramework().get("flask").getUsage().getPromptTokens())
        .isEqualTo(3000L);
    assertThat(done.getStatus().getSummary().getUsagePerVariant()).containsOnlyKeys("unconstrained",
        "postgres", "postgres-sqlalchemy");

    String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + operator.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String labels = "model=\"gpt-test\",namespace=\"bench\",run=\"priced\"";
    assertThat(text).contains(
        "decaybench_run_tokens_total{kind=\"prompt\"," + labels + "} 3000.0",
        "decaybench_run_tokens_total{kind=\"completion\"," + labels + "} 600.0",
        "decaybench_run_cost_total{" + labels + "} 0.018",
        "decaybench_run_cost_per_success{" + labels + "} 0.009");
  }
}
