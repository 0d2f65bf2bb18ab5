package dev.decaybench.runner.engine;

import dev.decaybench.runner.app.AppProcess;
import dev.decaybench.runner.app.BoundedLog;
import dev.decaybench.runner.app.HealthCheck;
import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.suite.ConduitSuite;
import dev.decaybench.runner.suite.SuiteOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The half of a trial that runs where the pod would: PostgreSQL up, app up, health check, the
 * suite (always, even against a dead app, so every assertion is counted), then everything down.
 */
public final class PodPhase {

  private static final int LOG_HEAD = 256 * 1024;
  private static final int LOG_TAIL = 768 * 1024;
  private static final int RESULT_LOG_TAIL = 8000;

  public PodOutcome run(TrialSpec spec) {
    Path out = Path.of(spec.outDir());
    BoundedLog log = new BoundedLog(LOG_HEAD, LOG_TAIL);
    long t0 = System.currentTimeMillis();
    long pgMs = 0;
    long startMs = 0;
    long suiteMs = 0;
    HealthCheck.Outcome health = new HealthCheck.Outcome(false, "not started", 0);
    Integer exitCode = null;
    SuiteOutcome suite = null;
    String harnessError = null;
    EphemeralPostgres pg = null;
    AppProcess app = null;
    try {
      pg = EphemeralPostgres.start(new PostgresBinaries(Path.of(spec.pgHome()), spec.pgVersion()),
          Path.of(spec.pgTemplate()), Path.of(spec.pgDataDir()), spec.pgPort(), 30_000);
      pgMs = System.currentTimeMillis() - t0;
      long t1 = System.currentTimeMillis();
      try {
        app = AppProcess.start(spec.runCommand(), Path.of(spec.workspace()), spec.appEnv(), log);
        AppProcess running = app;
        health = new HealthCheck().await(url(spec, spec.healthPath()), spec.healthTimeoutMillis(),
            running::isAlive);
      } catch (IOException e) {
        log.append("[decaybench] could not start the run command: " + e.getMessage() + "\n");
        health = new HealthCheck.Outcome(false, "run command could not start: " + e.getMessage(), 0);
      }
      startMs = System.currentTimeMillis() - t1;
      long t2 = System.currentTimeMillis();
      suite = new ConduitSuite(Duration.ofMillis(spec.requestTimeoutMillis()))
          .run(ConduitSuite.PAPER, url(spec, spec.apiPrefix()), out);
      suiteMs = System.currentTimeMillis() - t2;
    } catch (IOException | RuntimeException e) {
      harnessError = e.getMessage() == null ? e.toString() : e.getMessage();
    } finally {
      if (app != null) {
        exitCode = app.exitCode();
        app.close();
      }
      if (pg != null) {
        pg.close();
      }
    }
    writeLog(out.resolve("server.log"), log);
    return new PodOutcome(
        suite == null ? List.of() : suite.requests(),
        suite == null ? null : suite.counts(),
        health.healthy(), health.verdict(), health.waitedMillis(), exitCode,
        log.totalBytes(), log.truncated(), log.lastChars(RESULT_LOG_TAIL),
        pgMs, startMs, suiteMs, harnessError);
  }

  private static String url(TrialSpec spec, String path) {
    return "http://127.0.0.1:" + spec.appPort() + path;
  }

  private static void writeLog(Path file, BoundedLog log) {
    try {
      Files.writeString(file, log.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      // a full disk must not cost the result: result.json still carries the log tail
    }
  }
}
