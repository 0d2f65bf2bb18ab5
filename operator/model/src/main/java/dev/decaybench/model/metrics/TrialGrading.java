package dev.decaybench.model.metrics;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one grading rule: what a finished trial counts for in the metrics, whatever path ran it
 * (local run directory, reports, {@code compare}, the operator's run status, Prometheus). The
 * paper counts a trial that produced no working service as A% 0, so the agent's (or its app's)
 * failures score 0; a failure of the harness or of the infrastructure is not the agent's fault, so
 * such a trial is left out of A% and pass@k but still counted and shown (docs/metrics.md).
 */
public final class TrialGrading {

  /** The failure class of a trial that scores 0 because it produced no service in time. */
  public static final String NO_SERVICE_CLASS = "premature_termination";

  /** How a trial finished. {@link #status()} is the name written in a local trial.json. */
  public enum Outcome {
    /** The evaluation ran and produced a result, whatever its score. */
    EVALUATED("evaluated", Count.SCORED),
    /** The agent failed (exited non-zero, ran out of memory) and left nothing to score. */
    AGENT_FAILURE("agent_failed", Count.ZERO),
    /** The trial passed its time limit (agent or app too slow, app hung). */
    TIMED_OUT("timed_out", Count.ZERO),
    /** The harness could not evaluate (crashed, result missing or unreadable). */
    HARNESS_ERROR("crashed", Count.EXCLUDED),
    /** The infrastructure failed every attempt, or the run ended before the trial finished. */
    INFRASTRUCTURE_FAILURE("infrastructure_failed", Count.EXCLUDED);

    private final String status;
    private final Count count;

    Outcome(String status, Count count) {
      this.status = status;
      this.count = count;
    }

    public String status() {
      return status;
    }

    public Count count() {
      return count;
    }

    /** The outcome a trial.json status names; empty for an unfinished or unknown status. */
    public static Optional<Outcome> ofStatus(String status) {
      return Arrays.stream(values()).filter(o -> o.status.equals(status)).findFirst();
    }
  }

  /** What an outcome counts for. */
  public enum Count {
    /** Counted with the numbers of its result. */
    SCORED,
    /** Counted with A%, strict A% and strict A%+ 0, not a success, class {@link #NO_SERVICE_CLASS}. */
    ZERO,
    /** Left out of every metric; reported beside them (run counts, report's list of trials). */
    EXCLUDED
  }

  private TrialGrading() {}

  /**
   * The record the metrics use for a trial that finished with {@code outcome}; {@code scored} is
   * its record as measured (for an unscored trial only its placement and duration matter). Empty
   * when the trial is excluded.
   */
  public static Optional<TrialRecord> grade(Outcome outcome, TrialRecord scored) {
    return switch (outcome.count()) {
      case SCORED -> Optional.of(scored);
      case ZERO -> Optional.of(zero(scored));
      case EXCLUDED -> Optional.empty();
    };
  }

  /** The trial at A% 0, keeping where it sits in the run and what it cost (an agent that failed still spent). */
  public static TrialRecord zero(TrialRecord t) {
    return new TrialRecord(t.id(), t.task(), t.framework(), t.level(), t.constraints(), t.repeat(),
        0.0, 0.0, 0.0, false, null, null, NO_SERVICE_CLASS, null, false, t.durationMs(), t.usage());
  }
}
