package dev.decaybench.runner.report;

import dev.decaybench.api.metrics.TrialRecord;
import dev.decaybench.api.result.TrialResult;
import java.nio.file.Path;

/**
 * One trial directory as read back: its trial.json and result.json (either may be null when the
 * file is missing or unreadable), the normalised status ({@link TrialJson#EVALUATED} or
 * {@link TrialJson#CRASHED}), the error that made it crash, and the record the metrics use.
 */
public record TrialEntry(
    String id,
    Path dir,
    TrialJson info,
    TrialResult result,
    String status,
    String error,
    TrialRecord record) {

  public boolean crashed() {
    return TrialJson.CRASHED.equals(status);
  }
}
