package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes a trial's final status (server-side apply or JSON patch, per the configuration) with
 * optimistic locking and puts the result into the controller's cache, so the pod can be deleted
 * in the same reconciliation: the status is safe before the pod goes.
 */
final class TrialStatusWriter {

  private final boolean useSsa;

  TrialStatusWriter(boolean useSsa) {
    this.useSsa = useSsa;
  }

  EvaluationTrial write(EvaluationTrial trial, EvaluationTrialStatus status,
      Context<EvaluationTrial> ctx) {
    if (useSsa) {
      EvaluationTrial fresh = new EvaluationTrial();
      fresh.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
          .withName(trial.getMetadata().getName())
          .withNamespace(trial.getMetadata().getNamespace())
          .withResourceVersion(trial.getMetadata().getResourceVersion()).build());
      fresh.setStatus(status);
      return PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(trial, fresh, ctx);
    }
    return PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(trial, ctx, t -> {
      t.setStatus(status);
      return t;
    });
  }
}
