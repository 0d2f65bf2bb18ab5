package dev.decaybench.runner.run;

import dev.decaybench.runner.report.TrialJson;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Run progress: a redrawn bar with ETA on a terminal, one plain line per finished trial
 * otherwise (logs, CI).
 */
public final class Progress {

  /** Creates the progress display once the number of trials to run is known. */
  @FunctionalInterface
  public interface Factory {
    Progress create(int total);
  }

  private final PrintStream out;
  private final boolean terminal;
  private final int total;
  private final long start = System.currentTimeMillis();
  private int done;
  private int crashed;

  public Progress(PrintStream out, boolean terminal, int total) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
  }

  public synchronized void finished(TrialJson info, String score) {
    done++;
    if (info.unscored()) {
      crashed++;
    }
    if (terminal) {
      int width = 30;
      int filled = total == 0 ? width : done * width / total;
      out.printf("\r[%s%s] %d/%d trials  %s  ETA %s   ", "#".repeat(filled), ".".repeat(width - filled),
          done, total, crashed > 0 ? crashed + " not evaluated" : "", eta());
      if (done == total) {
        out.println();
      }
    } else {
      out.printf("[%d/%d] %s %s%n", done, total, info.id(),
          info.unscored() ? info.status().toUpperCase(java.util.Locale.ROOT) + ": " + info.error() : score);
    }
    out.flush();
  }

  private String eta() {
    if (done == 0) {
      return "?";
    }
    long perTrial = (System.currentTimeMillis() - start) / done;
    Duration left = Duration.ofMillis(perTrial * (total - done));
    return left.toMinutes() > 0 ? left.toMinutes() + "m" + left.toSecondsPart() + "s" : left.toSeconds() + "s";
  }
}
