package dev.decaybench.operator.status;

import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import java.util.List;

/**
 * The next status of a run. {@code urgent}: the phase, a condition's status or reason, or the
 * observed generation changed, which is written at once; other changes (counts, messages,
 * summary) wait for the next batch. {@code events}: transitions worth an event.
 */
public record RunStatusUpdate(EvaluationRunStatus status, boolean changed, boolean urgent,
    List<Transition> events) {

  /** One event to record: a milestone or a warning. */
  public record Transition(boolean warning, Reason reason, String message) {}
}
