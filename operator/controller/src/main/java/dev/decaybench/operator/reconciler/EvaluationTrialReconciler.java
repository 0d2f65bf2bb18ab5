package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.metrics.OperatorMetrics;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.pod.PodInspector;
import dev.decaybench.operator.pod.PodVerdict;
import dev.decaybench.operator.pod.TrialPodFactory;
import dev.decaybench.operator.status.EventRecorder;
import dev.decaybench.operator.status.Reason;
import dev.decaybench.operator.status.TrialResults;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles an EvaluationTrial: one pod per attempt, named {@code <trial>-a<attempt>}. Observe
 * the pod → decide ({@link PodInspector}) → act: create the pod, wait, write the final status
 * then delete the pod, or start another attempt after an infrastructure failure.
 */
@ControllerConfiguration(name = EvaluationTrialReconciler.NAME)
public class EvaluationTrialReconciler implements Reconciler<EvaluationTrial> {

  public static final String NAME = "evaluationtrial";
  static final String BY_RUN = "byRun";
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationTrialReconciler.class);

  private final OperatorConfig config;
  private final TrialPodFactory pods;
  private final PodInspector inspector;
  private final TrialStatusWriter statusWriter;
  private final TrialWaits waits;
  private final EventRecorder events;
  private final OperatorMetrics metrics;
  private final Clock clock;
  private final CreatedPods createdPods = new CreatedPods();
  private final TrialPodCleanup cleanup;
  private InformerEventSource<Pod, EvaluationTrial> podSource;

  public EvaluationTrialReconciler(OperatorConfig config, TrialPodFactory pods,
      PodInspector inspector, EventRecorder events, OperatorMetrics metrics, Clock clock) {
    this.config = config;
    this.pods = pods;
    this.inspector = inspector;
    this.statusWriter = new TrialStatusWriter(config.useSsa());
    this.waits = new TrialWaits(statusWriter, events, config, pods, clock);
    this.events = events;
    this.metrics = metrics;
    this.clock = clock;
    this.cleanup = new TrialPodCleanup(clock);
  }

  @Override
  public List<EventSource<?, EvaluationTrial>> prepareEventSources(
      EventSourceContext<EvaluationTrial> context) {
    context.getPrimaryCache().addIndexer(BY_RUN, t -> List.of(runKey(
        t.getMetadata().getNamespace(), t.getSpec() == null ? "" : t.getSpec().getRunName())));
    podSource = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Pod.class, EvaluationTrial.class)
            .withLabelSelector(TrialNames.MANAGED_BY_LABEL + "=" + TrialNames.MANAGED_BY)
            .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(EvaluationTrial.class))
            .withNamespacesInheritedFromController()
            .build(), context);
    // a run that ends (time-out) stops its unfinished trials
    InformerEventSource<EvaluationRun, EvaluationTrial> runSource = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(EvaluationRun.class, EvaluationTrial.class)
            .withSecondaryToPrimaryMapper(run -> context.getPrimaryCache()
                .byIndex(BY_RUN, runKey(run.getMetadata().getNamespace(),
                    run.getMetadata().getName()))
                .stream().filter(t -> !TrialResults.isTerminal(t))
                .map(ResourceID::fromResource).collect(Collectors.toSet()))
            .withPrimaryToSecondaryMapper((EvaluationTrial t) -> t.getSpec() == null ? Set.of()
                : Set.of(new ResourceID(t.getSpec().getRunName(), t.getMetadata().getNamespace())))
            .withOnAddFilter(run -> false)
            .withOnUpdateFilter((now, before) -> ended(now) && !ended(before))
            .withNamespacesInheritedFromController()
            .build(), context);
    return List.of(podSource, runSource);
  }

  @Override
  public UpdateControl<EvaluationTrial> reconcile(EvaluationTrial trial,
      Context<EvaluationTrial> ctx) {
    Instant now = clock.instant();
    List<Pod> owned = Owners.ownedBy(trial, ctx.getSecondaryResources(Pod.class));
    String podName = TrialNames.pod(trial);
    Optional<EvaluationRun> run = ctx.getSecondaryResource(EvaluationRun.class)
        .filter(r -> Owners.owns(r, trial)); // not a new run of the same name
    boolean keepFailed = run.map(TrialPodCleanup::keepsFailedPods).orElse(false);
    if (TrialResults.isTerminal(trial)) {
      boolean failed = trial.getStatus().getPhase() == TrialPhase.FAILED;
      cleanup.deleteAllBut(ctx, owned, null, failed && keepFailed);
      return UpdateControl.noUpdate();
    }
    cleanup.deleteAllBut(ctx, owned, podName, keepFailed); // pods of earlier (failed) attempts
    if (run.isEmpty() || run.get().getSpec() == null) {
      // deleted (garbage collection removes the trial), or not in the run cache yet: look again
      return UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(Duration.ofSeconds(5));
    }
    Optional<Pod> pod = owned.stream().filter(p -> podName.equals(p.getMetadata().getName()))
        .findFirst();
    PodVerdict verdict;
    if (ended(run.get())) {
      verdict = PodVerdict.failed(Reason.RunEnded, "the run ended ("
          + run.get().getStatus().getPhase() + ") before this trial finished", null);
    } else if (pod.isEmpty()) {
      if (!createdPods.contains(trial, podName)) {
        return createPod(ctx, run.get(), trial, podName);
      }
      verdict = PodVerdict.retry(Reason.PodVanished, "pod " + podName
          + " disappeared before it finished (deleted, or its node was lost)");
    } else {
      verdict = inspector.inspect(pod.get(), now);
      Instant deadline = deadline(run.get(), pod.get(), now);
      if (verdict.kind() == PodVerdict.Kind.RUNNING && !now.isBefore(deadline)) {
        verdict = PodVerdict.failed(Reason.TimedOut, "the pod did not finish within the trial"
            + " time limit plus " + config.podStartGrace().toSeconds() + " s", null);
      } else if (verdict.kind() == PodVerdict.Kind.RUNNING) {
        Duration left = Duration.between(now, deadline).plusSeconds(1);
        Duration recheck = verdict.recheckAfter();
        return UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(
            recheck != null && recheck.compareTo(left) < 0 ? recheck : left);
      }
    }
    return switch (verdict.kind()) {
      case RETRY -> retry(ctx, trial, pod.orElse(null), verdict, keepFailed);
      case EVALUATED, FAILED -> finish(ctx, trial, pod.orElse(null),
          verdict.pricedAt(run.get().getSpec().getAgent()), keepFailed, now);
      case RUNNING -> UpdateControl.noUpdate();
    };
  }

  private UpdateControl<EvaluationTrial> createPod(Context<EvaluationTrial> ctx,
      EvaluationRun run, EvaluationTrial trial, String podName) {
    Pod desired = pods.build(run, trial);
    createdPods.add(trial, podName, id -> ctx.getPrimaryCache().get(id).isPresent());
    try {
      Pod created = ctx.getClient().resource(desired).create();
      LOG.debug("created pod {}/{}", created.getMetadata().getNamespace(), podName);
      podSource.handleRecentResourceCreate(ResourceID.fromResource(created), created);
    } catch (KubernetesClientException e) {
      createdPods.remove(trial);
      if (e.getCode() == 409) {
        // not in our cache, so not ours: a pod of an earlier trial of this name, being collected
        return UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(Duration.ofSeconds(2));
      }
      return then(ctx, trial, waits.refused(trial, ctx, e, waits.limit(run)));
    }
    waits.resumed(trial, podName, ctx);
    return UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(waits.limit(run)
        .plusSeconds(1));
  }

  /** Waiting on the cluster: look again later, or end the trial for good. */
  private UpdateControl<EvaluationTrial> then(Context<EvaluationTrial> ctx, EvaluationTrial trial,
      TrialWaits.Next next) {
    return next.verdict() == null
        ? UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(next.recheck())
        : finish(ctx, trial, null, next.verdict(), false, clock.instant());
  }

  /** JOSDK's retries ran out (next try in 10 h): show the error, look again with back-off. */
  @Override
  public ErrorStatusUpdateControl<EvaluationTrial> updateErrorStatus(EvaluationTrial trial,
      Context<EvaluationTrial> ctx, Exception e) {
    if (TrialResults.isTerminal(trial) || !ErrorStatus.lastAttempt(ctx)) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    try {
      UpdateControl<EvaluationTrial> next = then(ctx, trial, waits.hold(trial, ctx,
          Reason.ReconcileFailed, ErrorStatus.message(e), waits.limit(ctx.getSecondaryResource(
              EvaluationRun.class).filter(r -> Owners.owns(r, trial)).orElse(null))));
      ErrorStatusUpdateControl<EvaluationTrial> control =
          ErrorStatusUpdateControl.<EvaluationTrial>noStatusUpdate().withNoRetry();
      return next.getScheduleDelay().map(control::rescheduleAfter).orElse(control);
    } catch (RuntimeException failed) { // the API server is down too: JOSDK's own handling
      LOG.warn("trial {}/{}: could not record the error: {}", trial.getMetadata().getNamespace(),
          trial.getMetadata().getName(), failed.getMessage());
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
  }

  /** An infrastructure failure: another attempt with a new pod, while attempts remain. */
  private UpdateControl<EvaluationTrial> retry(Context<EvaluationTrial> ctx,
      EvaluationTrial trial, Pod pod, PodVerdict verdict, boolean keepFailed) {
    int attempt = TrialNames.attempt(trial);
    if (attempt + 1 >= config.maxAttempts()) {
      return finish(ctx, trial, pod, PodVerdict.failed(Reason.AttemptsExhausted,
          config.maxAttempts() + " attempts failed; last: " + verdict.reason() + ": "
              + verdict.message(), verdict.timings()), keepFailed, clock.instant());
    }
    PrimaryUpdateAndCacheUtils.updateAndCacheResource(trial, ctx, t -> {
      if (TrialNames.attempt(t) <= attempt) { // idempotent when re-applied after a conflict
        t.getSpec().setAttempt(attempt + 1);
        t.getMetadata().getAnnotations().put(TrialNames.RETRY_REASON_ANNOTATION,
            verdict.reason() + ": " + verdict.message());
      }
      return t;
    }, t -> ctx.getClient().resource(t).update());
    metrics.trialRetried(verdict.reason());
    LOG.info("trial {}/{}: attempt {} failed ({}: {}), starting attempt {}",
        trial.getMetadata().getNamespace(), trial.getMetadata().getName(), attempt,
        verdict.reason(), verdict.message(), attempt + 1);
    events.warning(trial, Reason.TrialRetried, "attempt " + attempt + " failed ("
        + verdict.reason() + ": " + verdict.message() + "); starting attempt " + (attempt + 1));
    cleanup.deleteUnlessKept(ctx, pod, keepFailed);
    createdPods.remove(trial);
    return UpdateControl.<EvaluationTrial>noUpdate().rescheduleAfter(Duration.ofMillis(50));
  }

  /** Writes the final status, then deletes the pod (kept for failed trials when asked). */
  private UpdateControl<EvaluationTrial> finish(Context<EvaluationTrial> ctx,
      EvaluationTrial trial, Pod pod, PodVerdict verdict, boolean keepFailed, Instant now) {
    Instant podCreated = pod == null ? null : PodInspector.created(pod, now);
    String podName = pod == null ? TrialNames.pod(trial) : pod.getMetadata().getName();
    EvaluationTrialStatus status = verdict.kind() == PodVerdict.Kind.EVALUATED
        ? TrialResults.evaluated(trial, podName, podCreated, verdict.result(), verdict.timings(),
            now)
        : TrialResults.failed(trial, podName, podCreated, verdict.reason(), verdict.message(),
            verdict.timings(), now);
    EvaluationTrial written = statusWriter.write(trial, status, ctx);
    LOG.debug("trial {}/{} {}: {}", trial.getMetadata().getNamespace(),
        trial.getMetadata().getName(), status.getPhase(), status.getMessage());
    metrics.trialFinished(written, verdict.reason(), podCreated == null ? Duration.ZERO
        : Duration.between(podCreated, now));
    if (verdict.kind() == PodVerdict.Kind.FAILED) {
      events.warning(trial, Reason.TrialFailed, verdict.reason() + ": " + verdict.message());
    }
    cleanup.deleteUnlessKept(ctx, pod, keepFailed && status.getPhase() == TrialPhase.FAILED);
    createdPods.remove(trial);
    return UpdateControl.noUpdate();
  }

  private Instant deadline(EvaluationRun run, Pod pod, Instant now) {
    return PodInspector.created(pod, now).plusSeconds(pods.settings(run.getSpec()).trialSeconds())
        .plus(config.podStartGrace());
  }

  private static boolean ended(EvaluationRun run) {
    return run.getStatus() != null && run.getStatus().getPhase() != null
        && run.getStatus().getPhase().isTerminal();
  }

  static String runKey(String namespace, String runName) {
    return namespace + "/" + runName;
  }
}
