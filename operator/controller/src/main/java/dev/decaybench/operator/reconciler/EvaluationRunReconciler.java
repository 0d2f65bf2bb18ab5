package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.RunPhase;
import dev.decaybench.operator.metrics.OperatorMetrics;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.status.EventRecorder;
import dev.decaybench.operator.status.Reason;
import dev.decaybench.operator.status.RunObservation;
import dev.decaybench.operator.status.RunStatusCalculator;
import dev.decaybench.operator.status.RunStatusUpdate;
import dev.decaybench.operator.status.RunSummaryCalculator;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles an EvaluationRun: admit (validate and plan) → start trials as slots free up →
 * aggregate the trials into the status (batched) → record events. Never throws for a bad spec:
 * it becomes {@code Accepted=False} with a reason and an event.
 */
@ControllerConfiguration(name = EvaluationRunReconciler.NAME)
public class EvaluationRunReconciler implements Reconciler<EvaluationRun> {

  public static final String NAME = "evaluationrun";
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationRunReconciler.class);
  /** How soon to look again when an earlier run's trial still holds a name. */
  private static final Duration LEFTOVER_RECHECK = Duration.ofSeconds(2);

  private final RunAdmission admission;
  private final TrialSlots slots;
  private final TrialStarter starter;
  private final RunStatusCalculator statuses;
  private final RunSummaryCalculator summaries;
  private final StatusBatcher batcher;
  private final RunStatusWriter statusWriter;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final NetworkPolicyGate networkPolicy;
  private final Clock clock;
  private InformerEventSource<EvaluationTrial, EvaluationRun> trials;

  public EvaluationRunReconciler(RunAdmission admission, TrialSlots slots,
      RunStatusCalculator statuses, RunSummaryCalculator summaries, StatusBatcher batcher,
      boolean useSsa, EventRecorder events, OperatorMetrics metrics,
      NetworkPolicyGate networkPolicy, Clock clock) {
    this.admission = admission;
    this.slots = slots;
    this.starter = new TrialStarter(slots, metrics);
    this.statuses = statuses;
    this.summaries = summaries;
    this.batcher = batcher;
    this.statusWriter = new RunStatusWriter(useSsa);
    this.events = events;
    this.metrics = metrics;
    this.networkPolicy = networkPolicy;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, EvaluationRun>> prepareEventSources(
      EventSourceContext<EvaluationRun> context) {
    trials = new InformerEventSource<>(InformerEventSourceConfiguration
        .from(EvaluationTrial.class, EvaluationRun.class)
        .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(EvaluationRun.class))
        .withOnUpdateFilter((now, before) -> phase(now) != phase(before)
            || TrialNames.attempt(now) != TrialNames.attempt(before))
        .withNamespacesInheritedFromController()
        .build(), context);
    slots.bind(() -> trials.list(t -> true));
    metrics.bindRuns(() -> context.getPrimaryCache().list());
    metrics.bindActiveTrials(slots::active, slots.limit());
    List<EventSource<?, EvaluationRun>> sources = new ArrayList<>(List.of(trials));
    sources.addAll(networkPolicy.eventSources(context));
    return sources;
  }

  @Override
  public UpdateControl<EvaluationRun> reconcile(EvaluationRun run, Context<EvaluationRun> ctx) {
    Instant now = clock.instant();
    String uid = run.getMetadata().getUid();
    if (run.getSpec() != null) {
      run.getSpec().applyDefaults();
    }
    EvaluationRunStatus current = run.getStatus();
    EvaluationRunStatus written = batcher.lastWritten(uid);
    EvaluationRunStatus base = written != null ? written : current;
    Collection<EvaluationTrial> owned = Owners.ownedBy(run,
        ctx.getSecondaryResources(EvaluationTrial.class));

    RunAdmission.Result admitted = admission.admit(run, owned);
    List<EvaluationTrial> all = new ArrayList<>(owned);
    boolean moreToStart = false;
    boolean blocked = false;
    String unconfined = networkPolicy.missing(run, ctx);
    if (admitted.accepted() && unconfined == null && mayStartTrials(run, base, now)) {
      TrialStarter.Started started = starter.start(ctx.getClient(),
          made -> trials.handleRecentResourceCreate(ResourceID.fromResource(made), made), run,
          admitted.plan(), owned);
      if (started.runGone()) {
        return UpdateControl.noUpdate(); // its status cannot be written either
      }
      all.addAll(started.created());
      moreToStart = started.moreToStart();
      blocked = started.blocked();
    }
    RunStatusUpdate update = statuses.next(new RunObservation(run, admitted.plan(),
        admitted.reason(), admitted.problems(), all, now, unconfined), base, current);
    for (RunStatusUpdate.Transition t : update.events()) {
      LOG.info("run {}/{}: {} {}", run.getMetadata().getNamespace(), run.getMetadata().getName(),
          t.reason(), t.message());
      if (t.warning()) {
        events.warning(run, t.reason(), t.message());
      } else {
        events.normal(run, t.reason(), t.message());
      }
    }
    Duration wait = batcher.wait(uid, update.urgent(), now);
    boolean summaryStale = isSummaryStale(base, update.status());
    if ((update.changed() || summaryStale) && wait.isZero()) {
      EvaluationRunStatus next = update.status();
      next.setSummary(summaries.summarize(all, run.getSpec() == null
          || run.getSpec().getRepeats() == null ? 1 : run.getSpec().getRepeats()));
      statusWriter.write(run, next, ctx);
      batcher.written(uid, next, now);
      UpdateControl<EvaluationRun> done = UpdateControl.noUpdate();
      return moreToStart ? done.rescheduleAfter(Duration.ZERO) : blocked
          ? done.rescheduleAfter(LEFTOVER_RECHECK) : reschedule(done, run, next, now);
    }
    if (moreToStart) {
      return UpdateControl.<EvaluationRun>noUpdate().rescheduleAfter(Duration.ZERO);
    }
    if (blocked) {
      return UpdateControl.<EvaluationRun>noUpdate().rescheduleAfter(LEFTOVER_RECHECK);
    }
    if (update.changed() || summaryStale) {
      return UpdateControl.<EvaluationRun>noUpdate().rescheduleAfter(wait);
    }
    return reschedule(UpdateControl.noUpdate(), run, base, now);
  }

  /**
   * Forgets what this process remembers of a run that no longer exists ({@link RunStore} calls
   * it: without a finalizer JOSDK calls no reconciler for a deletion).
   */
  public void forget(String runUid) {
    batcher.forget(runUid);
    starter.forget(runUid);
  }

  /** JOSDK's retries ran out (next try in 10 h): Degraded with the error, look again soon. */
  @Override
  public ErrorStatusUpdateControl<EvaluationRun> updateErrorStatus(EvaluationRun run,
      Context<EvaluationRun> ctx, Exception e) {
    if (!ErrorStatus.lastAttempt(ctx)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    Instant now = clock.instant();
    String uid = run.getMetadata().getUid();
    EvaluationRunStatus written = batcher.lastWritten(uid);
    EvaluationRunStatus status = RunStatusCalculator.copy(written != null ? written
        : run.getStatus() != null ? run.getStatus() : new EvaluationRunStatus());
    String message = ErrorStatus.message(e);
    boolean isNew = Conditions.find(status.getConditions(), Condition.DEGRADED)
        .map(c -> !Reason.ReconcileFailed.name().equals(c.getReason())).orElse(true);
    Conditions.set(status.getConditions(), Condition.DEGRADED, Condition.TRUE,
        Reason.ReconcileFailed.name(), message, run.getMetadata().getGeneration(), now);
    if (isNew) {
      events.warning(run, Reason.ReconcileFailed, message);
    }
    // the next successful reconciliation computes Degraded again from this base, and clears it
    statusWriter.write(run, status, ctx); // status-only, like every other run status write
    batcher.written(uid, status, now);
    return ErrorStatusUpdateControl.<EvaluationRun>noStatusUpdate().withNoRetry()
        .rescheduleAfter(ErrorStatus.RUN_RECHECK);
  }

  /**
   * Trials may start while the run is accepted, not suspended, not cancelled, not ended, not out
   * of time.
   */
  private static boolean mayStartTrials(EvaluationRun run, EvaluationRunStatus base,
      Instant now) {
    RunPhase phase = base == null || base.getPhase() == null ? RunPhase.PENDING : base.getPhase();
    return !phase.isTerminal() && !run.getSpec().isSuspended()
        && !run.getSpec().isCancelRequested()
        && !RunStatusCalculator.timedOut(run, base, now);
  }

  /** Look again at the run's deadline, or periodically while it runs. */
  private UpdateControl<EvaluationRun> reschedule(UpdateControl<EvaluationRun> control,
      EvaluationRun run, EvaluationRunStatus status, Instant now) {
    if (status == null || status.getPhase() == null || status.getPhase().isTerminal()) {
      return control;
    }
    Duration next = Duration.ofMinutes(5);
    Instant deadline = RunStatusCalculator.deadline(run, status);
    if (deadline != null) {
      Duration left = Duration.between(now, deadline);
      next = left.isNegative() ? Duration.ofSeconds(1) : left.plusMillis(500).compareTo(next) < 0
          ? left.plusMillis(500) : next;
    }
    return control.rescheduleAfter(next);
  }

  private static boolean isSummaryStale(EvaluationRunStatus base, EvaluationRunStatus next) {
    int evaluated = next.getTrials() == null ? 0 : next.getTrials().getEvaluated();
    int summarized = base == null || base.getSummary() == null ? 0 : base.getSummary().getTrials();
    return evaluated != summarized;
  }

  private static Object phase(EvaluationTrial t) {
    return t.getStatus() == null ? null : t.getStatus().getPhase();
  }
}
