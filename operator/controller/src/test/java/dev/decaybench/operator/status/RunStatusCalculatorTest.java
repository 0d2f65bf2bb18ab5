package dev.decaybench.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.RunPhase;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.testing.Runs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatusCalculatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final RunStatusCalculator calc = new RunStatusCalculator();

  @Test
  void aRunGoesPendingRunningSucceededAndNeverBack() throws Exception {
    EvaluationRun run = run();
    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(run.getSpec());
    RunStatusUpdate u = calc.next(obs(run, plan, List.of(), T0), null, null);
    assertThat(u.status().getPhase()).isEqualTo(RunPhase.PENDING);
    assertThat(u.urgent()).isTrue();
    assertThat(Conditions.find(u.status().getConditions(), Condition.PROGRESSING).get()
        .getReason()).isEqualTo("WaitingForSlots");

    List<EvaluationTrial> trials = new ArrayList<>(List.of(trial(0, null), trial(1, null)));
    RunStatusUpdate running = calc.next(obs(run, plan, trials, T0.plusSeconds(1)), u.status(),
        u.status());
    assertThat(running.status().getPhase()).isEqualTo(RunPhase.RUNNING);
    assertThat(running.status().getStartTime()).isEqualTo("2026-01-01T00:00:01Z");
    assertThat(running.events()).extracting(RunStatusUpdate.Transition::reason)
        .containsExactly(Reason.Started);

    // a stale base (the cache before the write) does not repeat the transition
    RunStatusUpdate again = calc.next(obs(run, plan, trials, T0.plusSeconds(2)),
        running.status(), u.status());
    assertThat(again.events()).isEmpty();
    assertThat(again.changed()).isTrue();

    trials = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      trials.add(trial(i, i == 0 ? TrialPhase.FAILED : TrialPhase.EVALUATED));
    }
    RunStatusUpdate done = calc.next(obs(run, plan, trials, T0.plusSeconds(9)), running.status(),
        running.status());
    assertThat(done.status().getPhase()).isEqualTo(RunPhase.SUCCEEDED);
    assertThat(done.status().getProgress()).isEqualTo(plan.size() + "/" + plan.size());
    assertThat(Conditions.find(done.status().getConditions(), Condition.DEGRADED).get()
        .getReason()).isEqualTo("TrialsFailed");
    assertThat(Conditions.isTrue(done.status().getConditions(), Condition.COMPLETE)).isTrue();

    // a terminal phase never moves, even if trials looked unfinished again
    RunStatusUpdate after = calc.next(obs(run, plan, List.of(trial(0, null)), T0.plusSeconds(20)),
        done.status(), done.status());
    assertThat(after.status().getPhase()).isEqualTo(RunPhase.SUCCEEDED);
  }

  @Test
  void allTrialsFinishingWhilePendingStepsThroughRunning() throws Exception {
    EvaluationRun run = run();
    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(run.getSpec());
    List<EvaluationTrial> trials = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      trials.add(trial(i, TrialPhase.FAILED));
    }
    RunStatusUpdate u = calc.next(obs(run, plan, trials, T0), null, null);
    assertThat(u.status().getPhase()).isEqualTo(RunPhase.FAILED);
    assertThat(u.events()).extracting(RunStatusUpdate.Transition::reason)
        .containsExactly(Reason.Started, Reason.NoTrialEvaluated, Reason.TrialsFailed);
  }

  @Test
  void aRunPastItsDeadlineFails() throws Exception {
    EvaluationRun run = run();
    run.getSpec().setTimeouts(new Timeouts(null, 60, null));
    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(run.getSpec());
    EvaluationRunStatus base = new EvaluationRunStatus();
    base.setPhase(RunPhase.RUNNING);
    base.setStartTime("2026-01-01T00:00:00Z");
    assertThat(calc.next(obs(run, plan, List.of(trial(0, null)), T0.plusSeconds(59)), base, base)
        .status().getPhase()).isEqualTo(RunPhase.RUNNING);
    RunStatusUpdate late = calc.next(obs(run, plan, List.of(trial(0, null)), T0.plusSeconds(60)),
        base, base);
    assertThat(late.status().getPhase()).isEqualTo(RunPhase.FAILED);
    assertThat(Conditions.find(late.status().getConditions(), Condition.COMPLETE).get()
        .getReason()).isEqualTo("RunTimedOut");
  }

  @Test
  void aCancelledRunEndsCancelledWithANormalEventAndStaysSo() throws Exception {
    EvaluationRun run = run();
    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(run.getSpec());
    EvaluationRunStatus base = new EvaluationRunStatus();
    base.setPhase(RunPhase.RUNNING);
    base.setStartTime("2026-01-01T00:00:00Z");
    run.getSpec().setCancel(true);
    RunStatusUpdate cancelled = calc.next(obs(run, plan, List.of(trial(0, null)),
        T0.plusSeconds(5)), base, base);
    assertThat(cancelled.status().getPhase()).isEqualTo(RunPhase.CANCELLED);
    assertThat(cancelled.urgent()).isTrue();
    Condition complete = Conditions.find(cancelled.status().getConditions(), Condition.COMPLETE)
        .get();
    assertThat(complete.getStatus()).isEqualTo("True");
    assertThat(complete.getReason()).isEqualTo("RunCancelled");
    assertThat(complete.getMessage()).startsWith("the run was cancelled (spec.cancel)");
    assertThat(cancelled.events()).singleElement().satisfies(e -> {
      assertThat(e.reason()).isEqualTo(Reason.RunCancelled);
      assertThat(e.warning()).isFalse();
    });

    run.getSpec().setCancel(false); // undoes nothing: phases only move forward
    RunStatusUpdate later = calc.next(obs(run, plan, List.of(trial(0, TrialPhase.FAILED)),
        T0.plusSeconds(9)), cancelled.status(), cancelled.status());
    assertThat(later.status().getPhase()).isEqualTo(RunPhase.CANCELLED);
    assertThat(later.events()).extracting(RunStatusUpdate.Transition::reason)
        .doesNotContain(Reason.RunCancelled, Reason.Started, Reason.Completed);
    assertThat(Conditions.find(later.status().getConditions(), Condition.COMPLETE).get()
        .getReason()).isEqualTo("RunCancelled");
  }

  @Test
  void anInvalidSpecIsConditionedOnceWithAnEvent() {
    EvaluationRun run = run();
    RunObservation bad = new RunObservation(run, null, Reason.InvalidSpec,
        List.of("spec.repeats: must be at least 1 (got 0)"), List.of(), T0);
    RunStatusUpdate u = calc.next(bad, null, null);
    Condition accepted = Conditions.find(u.status().getConditions(), Condition.ACCEPTED).get();
    assertThat(accepted.getStatus()).isEqualTo("False");
    assertThat(accepted.getReason()).isEqualTo("InvalidSpec");
    assertThat(u.events()).singleElement().satisfies(e -> assertThat(e.warning()).isTrue());
    RunStatusUpdate again = calc.next(bad, u.status(), u.status());
    assertThat(again.events()).isEmpty();
    assertThat(again.changed()).isFalse();
  }

  @Test
  void aRunWithoutItsNetworkPolicyWaitsWithOneWarningAndProgressesOnceItExists()
      throws Exception {
    EvaluationRun run = run();
    List<PlannedTrial<TaskRef>> plan = ClusterSuite.plan(run.getSpec());
    String why = "no NetworkPolicy p-trials in namespace bench";
    RunObservation unconfined = new RunObservation(run, plan, null, List.of(), List.of(), T0,
        why);
    RunStatusUpdate u = calc.next(unconfined, null, null);
    Condition progressing = Conditions.find(u.status().getConditions(), Condition.PROGRESSING)
        .get();
    assertThat(progressing.getStatus()).isEqualTo("False");
    assertThat(progressing.getReason()).isEqualTo("NetworkPolicyMissing");
    assertThat(progressing.getMessage()).isEqualTo(why);
    assertThat(u.events()).extracting(RunStatusUpdate.Transition::reason)
        .containsExactly(Reason.NetworkPolicyMissing);
    assertThat(calc.next(unconfined, u.status(), u.status()).events()).isEmpty();

    RunStatusUpdate confined = calc.next(obs(run, plan, List.of(), T0.plusSeconds(1)),
        u.status(), u.status());
    assertThat(Conditions.find(confined.status().getConditions(), Condition.PROGRESSING).get()
        .getStatus()).isEqualTo("True");
  }

  private static EvaluationRun run() {
    EvaluationRun run = Runs.reference("calc", List.of(Framework.FLASK), List.of("postgres"), 3, 2);
    run.getMetadata().setGeneration(1L);
    return run;
  }

  private static RunObservation obs(EvaluationRun run, List<PlannedTrial<TaskRef>> plan,
      List<EvaluationTrial> trials, Instant now) {
    return new RunObservation(run, plan, null, List.of(), trials, now);
  }

  private static EvaluationTrial trial(int index, TrialPhase phase) {
    EvaluationTrial t = new EvaluationTrial("calc-" + index,
        new PlannedTrial<>(index, new TaskRef("flask-openapi-postgres", Framework.FLASK,
            "postgres", 1), null, index)
            .toSpec("calc"));
    if (phase != null) {
      EvaluationTrialStatus s = new EvaluationTrialStatus();
      s.setPhase(phase);
      s.setAPct(100.0);
      s.setStrictAPct(100.0);
      s.setSuccess(true);
      t.setStatus(s);
    }
    return t;
  }
}
