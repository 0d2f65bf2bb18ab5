package dev.decaybench.runner.engine;

import dev.decaybench.model.result.RequestResult;
import dev.decaybench.model.result.WriteCheck;
import dev.decaybench.runner.util.BoundedLog;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.suite.SuiteListener;
import dev.decaybench.runner.verify.WriteProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the suites as they run: splits the app's log where the extended suite starts (its
 * deliberate errors must not reach the classifier) and asks the database about each write of
 * the paper's suite that answered 2xx (it tells a lost write from a query that misses it).
 */
final class PhaseWatch implements SuiteListener {

  private static final long QUIET_MS = 150;
  private static final long MAX_SETTLE_MS = 2000;

  private final BoundedLog log;
  private final BoundedLog extendedLog;
  private final WriteProbe probe;
  private final List<WriteCheck> writes = new ArrayList<>();

  PhaseWatch(BoundedLog log, BoundedLog extendedLog, WriteProbe probe) {
    this.log = log;
    this.extendedLog = extendedLog;
    this.probe = probe;
  }

  @Override
  public void suiteStarts(String suite) {
    if (suite.equals(ConduitSuite.EXTENDED.name())) {
      settleThenSplit();
    }
  }

  @Override
  public void requestDone(String suite, RequestResult request) {
    Integer status = request.status();
    if (probe != null && suite.equals(ConduitSuite.PAPER.name()) && status != null && status / 100 == 2) {
      probe.after(request.name()).ifPresent(writes::add);
    }
  }

  List<WriteCheck> writes() {
    return List.copyOf(writes);
  }

  /** Lets the paper suite's last log lines arrive, then sends the rest to the extended log. */
  private void settleThenSplit() {
    try {
      log.awaitQuiet(QUIET_MS, MAX_SETTLE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.append("[decaybench] the paper's suite ended here; what the app wrote during the extended suite is in "
        + ServicePhase.EXTENDED_LOG + "\n");
    log.continueIn(extendedLog);
    extendedLog.append("[decaybench] the extended suite starts here (its 401s and duplicates are deliberate)\n");
  }
}
