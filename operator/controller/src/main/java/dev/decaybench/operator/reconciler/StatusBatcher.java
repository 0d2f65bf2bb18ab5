package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Batches a run's status writes and remembers the last status written for each run. Urgent
 * changes (phase, condition states, generation) go out at once; the rest at most every
 * {@code interval}. The remembered status is the base of the next computation: the informer may
 * still show the previous one for a moment after a write, and a stale base would repeat a
 * transition (and its event).
 */
public final class StatusBatcher {

  private record Written(Instant at, EvaluationRunStatus status) {}

  private final Duration interval;
  private final Map<String, Written> written = new ConcurrentHashMap<>();

  public StatusBatcher(Duration interval) {
    this.interval = interval;
  }

  /** Zero when a change may be written now, else how long to wait. */
  public Duration wait(String runUid, boolean urgent, Instant now) {
    Written w = written.get(runUid);
    if (urgent || w == null) {
      return Duration.ZERO;
    }
    Duration since = Duration.between(w.at, now);
    return since.compareTo(interval) >= 0 ? Duration.ZERO : interval.minus(since);
  }

  /** The status this process wrote last for the run, if any. */
  public EvaluationRunStatus lastWritten(String runUid) {
    Written w = written.get(runUid);
    return w == null ? null : w.status;
  }

  public void written(String runUid, EvaluationRunStatus status, Instant now) {
    written.put(runUid, new Written(now, status));
  }

  /** Forgets a run that no longer exists ({@link RunStore} calls it when a run is deleted). */
  public void forget(String runUid) {
    written.remove(runUid);
  }
}
