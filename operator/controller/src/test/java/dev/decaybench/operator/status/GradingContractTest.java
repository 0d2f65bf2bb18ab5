package dev.decaybench.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetrics;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.TrialGrading.Outcome;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.result.ExtendedResult;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.model.v1alpha1.TrialTimings;
import dev.decaybench.operator.config.Setting;
import dev.decaybench.operator.pod.PodVerdict;
import dev.decaybench.runner.report.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of "one grading rule": the same finished trials, written as a local run directory
 * (trial.json + result.json, read by {@link RunDirectory}) and as EvaluationTrial statuses (read
 * by {@link RunSummaryCalculator}), give the same run summary, field for field, including what
 * the trials cost (trial.json's agent outcome locally; the termination message's usage priced by
 * the operator and the pod's timings on the cluster).
 */
class GradingContractTest {

  private static final int REPEATS = 3;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AgentSpec AGENT = new AgentSpec(AgentType.LLM);

  static {
    AGENT.setPrice(new TokenPrice(3.0, 15.0));
  }

  private static final TokenPrice PRICE = AGENT.getPrice();

  /** One finished trial: where it sits, how it ended, and its result when it was evaluated. */
  private record Case(Framework framework, List<String> constraints, int repeat, Outcome outcome,
      TrialResult result) {
    String task() {
      return framework.value() + "-openapi-" + variant();
    }

    String variant() {
      return constraints.isEmpty() ? "unconstrained" : String.join("-", constraints);
    }

    String id() {
      return task() + "-r" + repeat;
    }
  }

  @TempDir
  Path tmp;

  @Test
  void everyOutcomeCountsAndCostsTheSameLocallyAndOnTheCluster() throws Exception {
    List<Case> cases = cases();
    RunSummaryCalculator calculator = new RunSummaryCalculator();
    List<TrialRecord> localRecords = RunDirectory.read(localRun(cases)).records();
    List<EvaluationTrial> clusterTrials = clusterTrials(cases);

    // the run status's summary
    RunSummary local = RunMetrics.compute(localRecords, REPEATS, PRICE).toRunSummary();
    RunSummary cluster = calculator.summarize(clusterTrials, REPEATS);
    assertThat((JsonNode) JSON.valueToTree(cluster)).isEqualTo(JSON.valueToTree(local));
    // and every metric behind it (strict A%+, extended %, failure classes, per task, ...)
    RunMetricsReport localReport = RunMetrics.compute(localRecords, REPEATS);
    RunMetricsReport clusterReport = RunMetrics.compute(calculator.records(clusterTrials), REPEATS);
    assertThat((JsonNode) JSON.valueToTree(clusterReport)).isEqualTo(JSON.valueToTree(localReport));
    assertThat(localReport.overall().value(Metric.STRICT_A_PCT_PLUS)).isNotNull();
    // the rule itself, visible in the summary: 2 harness/infrastructure failures left out,
    // the agent failure and the time-out counted at A% 0
    assertThat(local.getTrials()).isEqualTo(cases.size() - 2);
    // usage: known for the evaluated trials' groups (express), unknown where a counted trial
    // reported nothing (the agent failure and the time-out: flask, both variants and the run)
    assertThat(cluster.getPerFramework().get("express").getUsage().getCost()).isPositive();
    assertThat(cluster.getPerFramework().get("flask").getUsage()).isNull();
    assertThat(cluster.getUsage()).isNull();
    assertThat((JsonNode) JSON.valueToTree(clusterReport.usage()))
        .isEqualTo(JSON.valueToTree(RunMetrics.compute(localRecords, REPEATS, PRICE).usage()));
  }

  /** What each case's agent reported: more tokens for later repeats. */
  private static TrialUsage usage(Case c) {
    return new TrialUsage(1000L * c.repeat(), 100L * c.repeat(), c.repeat() + 1, 4,
        Map.of("shell", 3, "finish", 1), null, null, null);
  }

  @Test
  void bothPathsDefaultToTheSameTrialTimeLimit() {
    assertThat(dev.decaybench.runner.engine.EvaluationRequest.DEFAULT_TRIAL_TIMEOUT_MILLIS)
        .isEqualTo(Timeouts.DEFAULT_TRIAL_SECONDS * 1000L);
    assertThat(Setting.DEFAULT_TRIAL_SECONDS.defaultValue())
        .isEqualTo(String.valueOf(Timeouts.DEFAULT_TRIAL_SECONDS));
  }

  private static List<Case> cases() {
    List<String> pg = List.of("postgres");
    List<String> none = List.of();
    List<Case> c = new ArrayList<>();
    c.add(new Case(Framework.FLASK, none, 1, Outcome.EVALUATED, result("flask", none, 290, 290, 290, null)));
    c.add(new Case(Framework.FLASK, none, 2, Outcome.EVALUATED,
        result("flask", none, 261, 261, 0, failure("logic_error", "incorrect_query_logic", true))));
    c.add(new Case(Framework.FLASK, none, 3, Outcome.AGENT_FAILURE, null));
    c.add(new Case(Framework.FLASK, pg, 1, Outcome.EVALUATED,
        result("flask", pg, 232, 0, 0, failure("constraint_violation", null, false))));
    c.add(new Case(Framework.FLASK, pg, 2, Outcome.TIMED_OUT, null));
    c.add(new Case(Framework.FLASK, pg, 3, Outcome.HARNESS_ERROR, null));
    c.add(new Case(Framework.EXPRESS, pg, 1, Outcome.EVALUATED, result("express", pg, 290, 290, 145,
        failure("logic_error", "database_runtime_error", true))));
    c.add(new Case(Framework.EXPRESS, pg, 2, Outcome.INFRASTRUCTURE_FAILURE, null));
    c.add(new Case(Framework.EXPRESS, pg, 3, Outcome.EVALUATED, result("express", pg, 290, 290, 290, null)));
    return c;
  }

  /** A result: passed of 290, strict A% and strict A%+ as given (0 when a verifier failed). */
  private static TrialResult result(String fw, List<String> constraints, int passed, int strictPassed,
      int strictPlusPassed, FailureClass failure) {
    AssertionCounts counts = new AssertionCounts(passed, 290 - passed, 290);
    double strictPlus = strictPlusPassed * 100.0 / 290;
    boolean success = passed == 290 && strictPassed == 290;
    String task = fw + "-openapi-" + (constraints.isEmpty() ? "unconstrained" : String.join("-", constraints));
    return TrialResult.builder(task).constraints(constraints).assertions(counts)
        .aPct(counts.percent()).strictAPct(strictPassed == 0 ? 0 : counts.percent())
        .strictAPctPlus(strictPlus).extended(new ExtendedResult(passed / 10, 40, List.of()))
        .success(success).healthy(true).failure(failure).requests(List.of()).verifiers(List.of())
        .serverLogTail("").build();
  }

  private static FailureClass failure(String coarse, String sub, boolean dataLayer) {
    return new FailureClass(coarse, sub, dataLayer, 0.9, "rule:" + coarse, List.of("evidence"));
  }

  // ------------------------------------------------------------------ the local path

  private Path localRun(List<Case> cases) throws IOException {
    for (Case c : cases) {
      Path dir = Files.createDirectories(tmp.resolve("trials").resolve(c.id()));
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("id", c.id());
      info.put("task", c.task());
      info.put("framework", c.framework().value());
      info.put("level", c.constraints().size());
      info.put("constraints", c.constraints());
      info.put("repeat", c.repeat());
      info.put("agent", "reference");
      info.put("status", c.outcome().status());
      info.put("error", c.result() == null ? c.outcome().name() : null);
      info.put("durationMs", 1000L);
      if (c.result() != null) {
        TrialUsage u = usage(c);
        info.put("agentOutcome", Map.of("steps", u.steps(), "agentMs", 2000L, "usage",
            Map.of("promptTokens", u.promptTokens(), "completionTokens", u.completionTokens(),
                "llmCalls", u.llmCalls(), "toolCalls", u.toolCalls())));
        info.put("evaluationMs", 3000L);
      }
      JSON.writeValue(dir.resolve("trial.json").toFile(), info);
      if (c.result() != null) {
        JSON.writeValue(dir.resolve("result.json").toFile(), c.result());
      }
    }
    return tmp;
  }

  // ------------------------------------------------------------------ the operator path

  private static List<EvaluationTrial> clusterTrials(List<Case> cases) {
    List<EvaluationTrial> trials = new ArrayList<>();
    int index = 0;
    for (Case c : cases) {
      EvaluationTrial t = new EvaluationTrial("run-" + index, new PlannedTrial<>(index,
          new TaskRef(c.task(), c.framework(), c.variant(), c.constraints().size()), null,
          c.repeat()).toSpec("run"));
      Instant done = T0.plusSeconds(1);
      // what the reconciler does with a finished pod: price its result at the run's price
      PodVerdict evaluated = c.result() == null ? null : PodVerdict.evaluated(
          CompactResult.of(c.result()).withUsage(usage(c)), new TrialTimings(2.0, 3.0)).pricedAt(AGENT);
      t.setStatus(c.result() != null
          ? TrialResults.evaluated(t, "pod-" + index, T0, evaluated.result(), evaluated.timings(), done)
          : TrialResults.failed(t, "pod-" + index, T0, reason(c.outcome()), "failed", null, done));
      trials.add(t);
      index++;
    }
    return trials;
  }

  /** The reason the operator writes for each way a trial can end without a result. */
  private static Reason reason(Outcome outcome) {
    return switch (outcome) {
      case AGENT_FAILURE -> Reason.AgentFailed;
      case TIMED_OUT -> Reason.TimedOut;
      case HARNESS_ERROR -> Reason.HarnessError;
      case INFRASTRUCTURE_FAILURE -> Reason.AttemptsExhausted;
      case EVALUATED -> throw new IllegalArgumentException("an evaluated trial has a result");
    };
  }
}
