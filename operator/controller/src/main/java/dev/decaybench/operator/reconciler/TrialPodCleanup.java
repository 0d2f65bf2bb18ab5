package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes a trial's pods: those of earlier attempts while it runs, and its last one when it ends.
 * With {@code keepFailedPods} a failed attempt's pod that has ended stays for a look at it.
 */
final class TrialPodCleanup {

  private final Clock clock;
  /** Pods deleted recently, so a lagging cache does not make us delete them twice. */
  private final Map<String, Instant> deleting = new ConcurrentHashMap<>();

  TrialPodCleanup(Clock clock) {
    this.clock = clock;
  }

  /** Deletes {@code owned} pods except {@code except} (null: none) and those {@link #keeps} keeps. */
  void deleteAllBut(Context<?> ctx, Collection<Pod> owned, String except, boolean keepFailed) {
    for (Pod p : owned) {
      if (!p.getMetadata().getName().equals(except) && !keeps(p, keepFailed)
          && p.getMetadata().getDeletionTimestamp() == null) {
        delete(ctx, p);
      }
    }
  }

  /** Deletes one pod, unless {@link #keeps} keeps it. */
  void deleteUnlessKept(Context<?> ctx, Pod pod, boolean keepFailed) {
    if (pod != null && !keeps(pod, keepFailed)) {
      delete(ctx, pod);
    }
  }

  /**
   * keepFailedPods keeps a failed attempt's pod for a look at it, but only one that has ended:
   * a pod still pending or running (the run ended, the pod was given up on) would go on using
   * the node, or start late.
   */
  static boolean keeps(Pod pod, boolean keepFailed) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return keepFailed && ("Failed".equals(phase) || "Succeeded".equals(phase));
  }

  static boolean keepsFailedPods(EvaluationRun run) {
    return run.getSpec() != null && run.getSpec().getEvaluation() != null
        && run.getSpec().getEvaluation().isKeepFailedPodsEnabled();
  }

  private void delete(Context<?> ctx, Pod pod) {
    Instant now = clock.instant();
    deleting.values().removeIf(at -> at.isBefore(now.minusSeconds(60)));
    String k = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    if (deleting.putIfAbsent(k, now) == null) {
      ctx.getClient().resource(pod).delete();
    }
  }
}
