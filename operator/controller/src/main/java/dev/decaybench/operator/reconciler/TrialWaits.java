package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.pod.PodVerdict;
import dev.decaybench.operator.pod.TrialPodFactory;
import dev.decaybench.operator.status.EventRecorder;
import dev.decaybench.operator.status.Reason;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A trial that waits on the cluster rather than on its pod: the pod would exceed a
 * ResourceQuota, or the operator's retries ran out on an error that persists. Visible as
 * {@code Progressing=False} with the reason (phase Pending until a pod existed) and one Warning
 * event; looked at again with back-off (as long as it has waited, 5 to 30 s); given up once it
 * has waited as long as a pod may take to start and finish, so it never holds its slot for ever.
 */
final class TrialWaits {

  static final Duration MIN_RECHECK = Duration.ofSeconds(5);
  static final Duration MAX_RECHECK = Duration.ofSeconds(30);

  private final TrialStatusWriter writer;
  private final EventRecorder events;
  private final OperatorConfig config;
  private final TrialPodFactory pods;
  private final Clock clock;

  TrialWaits(TrialStatusWriter writer, EventRecorder events, OperatorConfig config,
      TrialPodFactory pods, Clock clock) {
    this.writer = writer;
    this.events = events;
    this.config = config;
    this.pods = pods;
    this.clock = clock;
  }

  /** As long as a pod may take to start and finish: the trial limit plus the start grace. */
  Duration limit(EvaluationRun run) {
    return Duration.ofSeconds(run == null || run.getSpec() == null ? config.defaultTrialSeconds()
        : pods.settings(run.getSpec()).trialSeconds()).plus(config.podStartGrace());
  }

  /** Look again after {@code recheck}, or end the trial with {@code verdict} (not null). */
  record Next(Duration recheck, PodVerdict verdict) {}

  /** The API server refused the pod: over a quota the trial waits, otherwise it ends. */
  Next refused(EvaluationTrial trial, Context<EvaluationTrial> ctx, KubernetesClientException e,
      Duration limit) {
    String message = PodRejection.message(e);
    return switch (PodRejection.of(e)) {
      case QUOTA_EXCEEDED -> hold(trial, ctx, Reason.QuotaExceeded, message, limit);
      case REJECTED -> {
        events.warning(trial, Reason.PodRejected, message);
        yield new Next(null, PodVerdict.failed(Reason.PodRejected, message, null));
      }
      case NONE -> throw e;
    };
  }

  /**
   * Records the wait the first time (status, event) and says when to look again; once the trial
   * has waited {@code limit}, the verdict that ends it.
   */
  Next hold(EvaluationTrial trial, Context<EvaluationTrial> ctx, Reason reason, String message,
      Duration limit) {
    Instant now = clock.instant();
    Instant since = since(trial, reason);
    if (since == null) {
      writer.write(trial, waiting(trial, reason, message, now), ctx);
      events.warning(trial, reason, message);
      since = now;
    }
    Duration waited = Duration.between(since, now);
    if (waited.compareTo(limit) >= 0) {
      return new Next(null, PodVerdict.failed(reason, "still after " + limit.toSeconds()
          + " s: " + message, null));
    }
    return new Next(waited.compareTo(MIN_RECHECK) < 0 ? MIN_RECHECK
        : waited.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : waited, null);
  }

  /** The pod exists after a wait: Progressing again (no write when the trial never waited). */
  void resumed(EvaluationTrial trial, String podName, Context<EvaluationTrial> ctx) {
    if (trial.getStatus() == null || Conditions.find(trial.getStatus().getConditions(),
        Condition.PROGRESSING).filter(c -> Condition.FALSE.equals(c.getStatus())).isEmpty()) {
      return;
    }
    EvaluationTrialStatus s = copy(trial.getStatus());
    s.setPhase(TrialPhase.RUNNING);
    s.setPodName(podName);
    s.setMessage(null);
    Conditions.set(s.getConditions(), Condition.PROGRESSING, Condition.TRUE,
        Reason.PodCreated.name(), "pod " + podName + " created",
        trial.getMetadata().getGeneration(), clock.instant());
    writer.write(trial, s, ctx);
  }

  /** Since when the trial has waited for {@code reason}; null when it does not. */
  static Instant since(EvaluationTrial trial, Reason reason) {
    return trial.getStatus() == null ? null : Conditions.find(trial.getStatus().getConditions(),
            Condition.PROGRESSING)
        .filter(c -> Condition.FALSE.equals(c.getStatus()) && reason.name().equals(c.getReason())
            && c.getLastTransitionTime() != null)
        .map(c -> Instant.parse(c.getLastTransitionTime())).orElse(null);
  }

  private static EvaluationTrialStatus waiting(EvaluationTrial trial, Reason reason,
      String message, Instant now) {
    EvaluationTrialStatus s = trial.getStatus() == null ? new EvaluationTrialStatus()
        : copy(trial.getStatus());
    if (s.getPhase() == null) { // phases only move forward: a Running trial stays Running
      s.setPhase(TrialPhase.PENDING);
    }
    s.setObservedGeneration(trial.getMetadata().getGeneration());
    s.setMessage(reason + ": " + message);
    Conditions.set(s.getConditions(), Condition.PROGRESSING, Condition.FALSE, reason.name(),
        message, trial.getMetadata().getGeneration(), now);
    return s;
  }

  private static EvaluationTrialStatus copy(EvaluationTrialStatus s) {
    return Serialization.unmarshal(Serialization.asJson(s), EvaluationTrialStatus.class);
  }
}
