package dev.decaybench.runner.engine;

import dev.decaybench.runner.app.AppProcess;
import dev.decaybench.runner.util.BoundedLog;
import dev.decaybench.runner.app.HealthCheck;
import dev.decaybench.runner.postgres.DatabaseSettings;
import dev.decaybench.runner.postgres.TrialDatabase;
import dev.decaybench.runner.sandbox.TrialSandbox;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.suite.SuiteOutcome;
import dev.decaybench.runner.verify.DatabaseFootprint;
import dev.decaybench.runner.verify.FootprintProbe;
import dev.decaybench.runner.verify.ScorerConnection;
import dev.decaybench.runner.verify.WriteProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The half of a trial where the service runs: PostgreSQL up, app up, health check, the suite
 * (always, even against a dead app, so every assertion is counted), then everything down. The
 * app and its database run in the sandbox; the suite and every count stay in this process.
 */
final class ServicePhase {

  private static final int LOG_HEAD = 256 * 1024;
  private static final int LOG_TAIL = 768 * 1024;
  private static final int RESULT_LOG_TAIL = 8000;
  static final String EXTENDED_LOG = "server-extended.log";

  /**
   * @param database the trial's PostgreSQL, starting or started; its stop begins here once the
   *     app has stopped, and whoever opened it waits for the end of it
   */
  ServiceOutcome run(TrialSandbox sandbox, TrialSpec spec, DatabaseStart database) {
    BoundedLog log = new BoundedLog(LOG_HEAD, LOG_TAIL);
    // what the app logs during the extended suite (its deliberate 401s, duplicate registration)
    // goes to its own file: the classifier reads only what the paper's suite caused
    BoundedLog extendedLog = new BoundedLog(LOG_HEAD, LOG_TAIL);
    long pgMs = 0;
    long startMs = 0;
    long suiteMs = 0;
    HealthCheck.Outcome health = new HealthCheck.Outcome(false, "not started", 0);
    Integer exitCode = null;
    SuiteOutcome suite = null;
    SuiteOutcome extended = null;
    DatabaseFootprint footprint = null;
    PhaseWatch watch = null;
    String harnessError = null;
    String gaveUp = null;
    List<String> limitsHit = List.of();
    TrialDatabase pg = null;
    ScorerConnection db = null;
    AppProcess app = null;
    try {
      try {
        pg = database.await();
      } finally {
        pgMs = database.millis();
      }
      // the handshake (SCRAM) is paid while the app starts, not by the first write probe
      db = ScorerConnection.openInBackground(pg.jdbcUrl(), DatabaseSettings.USER, DatabaseSettings.PASSWORD);
      long t1 = System.currentTimeMillis();
      Map<String, Long> sqliteBefore = FootprintProbe.sqliteFiles(spec.workspace());
      String base = "http://" + sandbox.appAddress();
      try {
        app = AppProcess.start(sandbox, spec.runCommand(), spec.appEnv(), log);
        AppProcess running = app;
        health = new HealthCheck().await(base + spec.healthPath(), spec.healthTimeoutMillis(),
            running::isAlive, sandbox::appListening);
      } catch (IOException e) {
        log.append("[decaybench] could not start the run command: " + e.getMessage() + "\n");
        health = new HealthCheck.Outcome(false, "run command could not start: " + e.getMessage(), 0);
      }
      startMs = System.currentTimeMillis() - t1;
      long t2 = System.currentTimeMillis();
      watch = new PhaseWatch(log, extendedLog, new WriteProbe(db));
      ConduitSuite runner = new ConduitSuite(Duration.ofMillis(spec.requestTimeoutMillis()),
          sandbox::appListening);
      // the extended suite runs after the paper's, so A% cannot change; run-unique names isolate its data
      Map<String, SuiteOutcome> outcomes = runner.runAll(spec.extendedSuite()
          ? List.of(ConduitSuite.PAPER, ConduitSuite.EXTENDED) : List.of(ConduitSuite.PAPER),
          base + spec.apiPrefix(), spec.outDir(), watch);
      gaveUp = runner.gaveUp();
      suite = outcomes.get(ConduitSuite.PAPER.name());
      extended = outcomes.get(ConduitSuite.EXTENDED.name());
      footprint = FootprintProbe.capture(db, markers(suite, extended), spec.workspace(),
          sqliteBefore);
      suiteMs = System.currentTimeMillis() - t2;
    } catch (IOException | RuntimeException e) {
      harnessError = e.getMessage() == null ? e.toString() : e.getMessage();
    } finally {
      limitsHit = sandbox.limitsHit();
      if (app != null) {
        exitCode = app.exitCode();
        app.close();
      }
      if (db != null) {
        db.close();
      }
      database.stopInBackground();
    }
    writeLog(spec.outDir().resolve("server.log"), log);
    if (extended != null) {
      writeLog(spec.outDir().resolve(EXTENDED_LOG), extendedLog);
    }
    return new ServiceOutcome(
        suite == null ? List.of() : suite.requests(),
        suite == null ? null : suite.counts(),
        extended == null ? null : extended.requests(),
        extended == null ? null : extended.counts(),
        footprint,
        watch == null ? List.of() : watch.writes(),
        health.healthy(), health.verdict(), health.waitedMillis(), exitCode,
        log.totalBytes(), log.truncated(), log.lastChars(RESULT_LOG_TAIL),
        pgMs, startMs, suiteMs, limitsHit, gaveUp, harnessError);
  }

  /** Values only the app can have stored: the suites' user names and an article title. */
  private static List<String> markers(SuiteOutcome paper, SuiteOutcome extended) {
    List<String> markers = new ArrayList<>(List.of(paper.variables().get("USERNAME")));
    if (extended != null) {
      String run = extended.variables().get("RUN");
      markers.add("alice" + run);
      markers.add("First of alice " + run);
    }
    return markers;
  }

  private static void writeLog(Path file, BoundedLog log) {
    try {
      Files.writeString(file, log.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // a full disk must not cost the result: result.json still carries the log tail
    }
  }
}
