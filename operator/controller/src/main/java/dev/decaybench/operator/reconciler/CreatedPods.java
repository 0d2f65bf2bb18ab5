package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The pod this process created for each trial's current attempt: one missing later has vanished
 * (node lost, deleted). Kept per trial uid, so that a new trial of the same name (its run
 * deleted and created again) is not taken for the old one whose pod the collector removed.
 */
final class CreatedPods {

  private record Mark(String trialUid, String pod) {}

  private final Map<ResourceID, Mark> marks = new ConcurrentHashMap<>();

  /**
   * Remembers {@code pod} as the trial's, and forgets trials that {@code exists} no longer
   * knows (deleted without a last reconciliation: no finalizer).
   */
  void add(EvaluationTrial trial, String pod, Predicate<ResourceID> exists) {
    marks.keySet().removeIf(exists.negate());
    marks.put(ResourceID.fromResource(trial), new Mark(trial.getMetadata().getUid(), pod));
  }

  boolean contains(EvaluationTrial trial, String pod) {
    return Objects.equals(marks.get(ResourceID.fromResource(trial)),
        new Mark(trial.getMetadata().getUid(), pod));
  }

  void remove(EvaluationTrial trial) {
    marks.remove(ResourceID.fromResource(trial));
  }
}
