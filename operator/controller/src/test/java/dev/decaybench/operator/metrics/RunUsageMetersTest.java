package dev.decaybench.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.UsageSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token and cost series per run and model, from the run status, with bounded labels (issue 19). */
class RunUsageMetersTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OperatorMetrics metrics = new OperatorMetrics(registry, 2);
  private final List<EvaluationRun> runs = new ArrayList<>();

  private EvaluationRun run(String name, String created, String model, UsageSummary usage) {
    AgentSpec agent = new AgentSpec(AgentType.LLM);
    agent.setModel(model);
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setAgent(agent);
    EvaluationRun r = new EvaluationRun(name, spec);
    r.getMetadata().setNamespace("bench");
    r.getMetadata().setCreationTimestamp(created);
    EvaluationRunStatus st = new EvaluationRunStatus();
    RunSummary s = new RunSummary();
    s.setUsage(usage);
    st.setSummary(s);
    r.setStatus(st);
    runs.add(r);
    return r;
  }

  private String scrape() {
    metrics.bindRuns(runs::stream);
    metrics.refresh();
    return registry.scrape();
  }

  @Test
  void exportsTokensAndCostPerRunAndModelFromTheRunStatus() {
    run("a", "2026-01-01T00:00:00Z", "gpt-test", new UsageSummary(3000L, 600L, 6L, 0.018, 0.009, 1800.0, 4.5, 1.5));

    String text = scrape();

    assertThat(text).contains("# TYPE decaybench_run_tokens_total counter",
        "decaybench_run_tokens_total{kind=\"prompt\",model=\"gpt-test\",namespace=\"bench\",run=\"a\"} 3000.0",
        "decaybench_run_tokens_total{kind=\"completion\",model=\"gpt-test\",namespace=\"bench\",run=\"a\"} 600.0",
        "decaybench_run_cost_total{model=\"gpt-test\",namespace=\"bench\",run=\"a\"} 0.018",
        "decaybench_run_cost_per_success{model=\"gpt-test\",namespace=\"bench\",run=\"a\"} 0.009");
  }

  @Test
  void unknownTokensOrCostHaveNoSeriesRatherThanZero() {
    run("a", "2026-01-01T00:00:00Z", "m", new UsageSummary(null, null, null, null, null, null, 4.5, 1.5));
    run("b", "2026-01-01T00:00:01Z", "m", null);

    String text = scrape();

    assertThat(text).doesNotContain("decaybench_run_tokens_total{", "decaybench_run_cost_total{",
        "decaybench_run_cost_per_success{");
  }

  @Test
  void onlyTheNewestRunsHaveSeriesAndARunThatFallsOutLosesThem() {
    UsageSummary u = new UsageSummary(10L, 1L, 1L, 0.5, 0.5, 11.0, null, null);
    run("old", "2026-01-01T00:00:00Z", "m", u);
    run("mid", "2026-01-02T00:00:00Z", "m", u);
    assertThat(scrape()).contains("run=\"old\"", "run=\"mid\"");

    run("new", "2026-01-03T00:00:00Z", "m", u);
    String text = scrape();

    assertThat(text).contains("run=\"mid\"", "run=\"new\"").doesNotContain("run=\"old\"");
  }

  @Test
  void theModelLabelIsCutAndMadeSafe() {
    run("a", "2026-01-01T00:00:00Z", "vendor/model \"x\"\n" + "y".repeat(200),
        new UsageSummary(10L, 1L, 1L, 0.5, 0.5, 11.0, null, null));

    String model = RunUsageMeters.model(runs.get(0));

    assertThat(model).hasSize(RunUsageMeters.MAX_MODEL).startsWith("vendor/model__x__y");
    assertThat(scrape()).contains("model=\"" + model + "\"");
  }
}
