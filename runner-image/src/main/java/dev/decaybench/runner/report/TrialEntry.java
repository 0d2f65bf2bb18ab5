package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.TrialGrading;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.result.TrialResult;
import java.nio.file.Path;

/**
 * One trial directory as read back: its trial.json and result.json (either may be null when the
 * file is missing or unreadable), the normalised status (a {@link TrialGrading.Outcome} status:
 * {@code evaluated}, {@code crashed}, {@code timed_out}, ...), the error that ended it, and its
 * record: what the metrics use when {@link #counted()}, else shown only.
 */
public record TrialEntry(
    String id,
    Path dir,
    TrialJson info,
    TrialResult result,
    String status,
    String error,
    TrialRecord record) {

  /** Not evaluated (crashed, timed out, ...): listed in the reports with its error. */
  public boolean crashed() {
    return !TrialJson.EVALUATED.equals(status);
  }

  /** Whether the grading rule counts it in the metrics (harness errors are left out). */
  public boolean counted() {
    return outcome().count() != TrialGrading.Count.EXCLUDED;
  }

  public TrialGrading.Outcome outcome() {
    return TrialGrading.Outcome.ofStatus(status).orElse(TrialGrading.Outcome.HARNESS_ERROR);
  }
}
