package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Crds;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.RealPodRunner;
import dev.decaybench.operator.testing.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The happy path with real evaluations: the simulated kubelet runs each pod's prepare, agent and
 * evaluate commands through the runner's CLI against a PostgreSQL of its own, so A%, strict A%
 * and failure classes come from the real engine into the trial and run status and /metrics.
 * Two runs: the reference agent (a Flask app that scores 100%) and a replay of the quickstart's
 * stored solutions (repeat 0 the reference app, repeat 1 a broken variant).
 */
class RealEvaluationTest extends OperatorTestBase {

  @TempDir
  Path pods;

  @Test
  void realEvaluationsFlowIntoTrialStatusRunStatusAndMetrics() throws Exception {
    startOperator(Map.of("DECAYBENCH_GLOBAL_PARALLELISM", "2"));
    RealPodRunner runner = new RealPodRunner(pods);
    startKubelet(pod -> new FakeKubelet.RunReally(runner), Duration.ofMillis(10));

    create(Runs.reference("reference", List.of(Framework.FLASK),
        List.of("clean_architecture-postgres-sqlalchemy"), 1, 1));
    EvaluationRun replay = Runs.reference("replay", List.of(Framework.FLASK),
        List.of("postgres"), 2, 1);
    AgentSpec agent = new AgentSpec(AgentType.REPLAY);
    agent.setReplayFrom(Crds.directory().getParent().resolve("examples/quickstart/solutions")
        .toString());
    replay.getSpec().setAgent(agent);
    create(replay);

    EvaluationRun ref = awaitPhase("reference", "Succeeded", Duration.ofMinutes(4));
    EvaluationTrial t = Runs.trials(client, "reference").get(0);
    assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
    assertThat(t.getStatus().getAPct()).isEqualTo(100.0);
    assertThat(t.getStatus().getStrictAPct()).isEqualTo(100.0);
    assertThat(t.getStatus().getSuccess()).isTrue();
    assertThat(t.getStatus().getTimings().getEvaluateSeconds()).isPositive();
    assertThat(ref.getStatus().getSummary().getAPct()).isEqualTo(100.0);
    assertThat(ref.getStatus().getSummary().getPerLevel()).containsKey("L3");

    EvaluationRun rep = awaitPhase("replay", "Succeeded", Duration.ofMinutes(4));
    List<EvaluationTrial> trials = Runs.trials(client, "replay").stream()
        .sorted(Comparator.comparing(x -> x.getSpec().getRepeat())).toList();
    assertThat(trials.get(0).getStatus().getAPct()).isEqualTo(100.0);
    EvaluationTrial broken = trials.get(1);
    assertThat(broken.getStatus().getAPct()).isLessThan(100.0);
    assertThat(broken.getStatus().getSuccess()).isFalse();
    assertThat(broken.getStatus().getFailure().getCoarse()).isNotBlank();
    double mean = (100.0 + broken.getStatus().getAPct()) / 2;
    assertThat(rep.getStatus().getSummary().getAPct()).isCloseTo(mean,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(rep.getStatus().getSummary().getFailureClasses())
        .containsEntry(broken.getStatus().getFailure().getCoarse(), 1);

    String metrics = get("/metrics");
    java.nio.file.Files.writeString(pods.getParent().resolve("decaybench-operator-metrics.txt"),
        metrics);
    assertThat(metrics).contains(
        "decaybench_run_a_percent{group=\"all\",namespace=\"bench\",run=\"reference\","
            + "scope=\"overall\"} 100.0",
        "decaybench_trials_finished_total{outcome=\"success\",reason=\"Evaluated\"} 2.0",
        "decaybench_trials_finished_total{outcome=\"unsuccessful\",reason=\"Evaluated\"} 1.0",
        "decaybench_trial_failure_classes_total{class=\"" + broken.getStatus().getFailure()
            .getCoarse() + "\"} 1.0",
        "decaybench_runs{phase=\"Succeeded\"} 2.0",
        "decaybench_trial_duration_seconds_count",
        "decaybench_api_requests_total",
        "operator_sdk_reconciliations_executions_evaluationrun");
    assertThat(get("/healthz")).isEqualTo("ok\n");
    assertThat(get("/readyz")).isEqualTo("ok\n");
    Await.until(Duration.ofSeconds(60), "pods deleted", () -> Runs.pods(client, "replay").isEmpty());
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + operator.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }
}
