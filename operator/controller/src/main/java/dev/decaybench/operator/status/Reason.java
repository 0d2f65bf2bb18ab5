package dev.decaybench.operator.status;

import dev.decaybench.model.metrics.TrialGrading.Outcome;

/**
 * Every reason the operator writes into a condition or an event, CamelCase as Kubernetes wants
 * them. Kept in one place so that dashboards and {@code kubectl wait} users can rely on them.
 */
public enum Reason {
  // run: Accepted
  Valid, InvalidSpec, NoTaskSelected, CustomSuiteNeedsNames, TooManyTrials, PlanChanged,
  // run: Progressing
  Scheduling, TrialsRunning, Suspended, WaitingForSlots, NetworkPolicyMissing,
  // run: Complete / phase
  AllTrialsFinished, NoTrialEvaluated, RunTimedOut, RunCancelled,
  // run: Degraded
  TrialsFailed, TrialsRetried, AsExpected,
  // run: events
  Started, Completed,
  // trial outcomes
  Evaluated, ResultMissing, ResultUnreadable, AgentFailed, AgentOOMKilled, DiskLimitExceeded,
  PrepareFailed,
  HarnessError, EvaluationFailed, TimedOut, ConfigError, RunEnded, AttemptsExhausted,
  // the API server refused the pod (admission: PodSecurity, a policy or webhook); or waiting on
  // the cluster (pod over a ResourceQuota, the operator's own retries ran out), final if it lasts
  PodRejected, QuotaExceeded, ReconcileFailed,
  // trial: Progressing again after such a wait
  PodCreated,
  // infrastructure failures (retried)
  Evicted, NodeLost, Disrupted, ImagePullBackOff, HarnessOOMKilled, PodVanished, Unschedulable,
  PostgresNotReady,
  // trial events
  TrialRetried, TrialFailed;

  /** Reasons of infrastructure failures, which get another attempt. */
  public boolean isInfrastructure() {
    return switch (this) {
      case Evicted, NodeLost, Disrupted, ImagePullBackOff, HarnessOOMKilled, PodVanished,
          Unschedulable, PostgresNotReady -> true;
      default -> false;
    };
  }

  /**
   * What a trial that finished with this reason counts for ({@link
   * dev.decaybench.model.metrics.TrialGrading}); the reasons of runs and events name no outcome and
   * are graded as harness errors.
   */
  public Outcome outcome() {
    return switch (this) {
      case Evaluated -> Outcome.EVALUATED;
      // the app is the agent's work: an app that fills its disk produced no working service
      case AgentFailed, AgentOOMKilled, DiskLimitExceeded -> Outcome.AGENT_FAILURE;
      case TimedOut -> Outcome.TIMED_OUT;
      case RunEnded, AttemptsExhausted, Evicted, NodeLost, Disrupted, ImagePullBackOff,
          HarnessOOMKilled, PodVanished, PodRejected, QuotaExceeded, ReconcileFailed,
          Unschedulable, PostgresNotReady ->
          Outcome.INFRASTRUCTURE_FAILURE;
      default -> Outcome.HARNESS_ERROR; // ResultMissing, ResultUnreadable, PrepareFailed, ...
    };
  }
}
