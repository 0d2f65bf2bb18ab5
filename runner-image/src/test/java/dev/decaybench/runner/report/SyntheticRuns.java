package dev.decaybench.runner.report;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.AssertionResult;
import dev.decaybench.model.result.ExtendedResult;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.PhaseTimings;
import dev.decaybench.model.result.RequestResult;
import dev.decaybench.model.result.SandboxInfo;
import dev.decaybench.model.result.StartupInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic run directories (trials/<id>/trial.json + result.json + server.log) with the
 * result model, for the report tests.
 *
 * <p>Run A ({@link #runA}), repeats = 2, paper suite of 290 assertions:
 * <pre>
 * Crashed trials are harness errors: left out of the metrics (TrialGrading), listed in the reports.
 *  task (L)                                               r1                          r2                             A%   strict  c
 *  flask-openapi-unconstrained (0)                        290 ok                      290 ok                         100  100     2
 *  flask-openapi-postgres (1)                             261 = 90% logic/query (DL)  290 ok                          95   95     1
 *  flask-openapi-postgres-sqlalchemy (2)                  145 = 50% logic/db (DL)     crashed, no result.json         50   50     0
 *  flask-openapi-clean_architecture-postgres-sqlalchemy (3) 232 = 80%, verifier fails  evaluated, result.json missing  80    0     0
 *  express-openapi-unconstrained (0)                      290 ok                      290 ok                         100  100     2
 *  express-openapi-clean_architecture (1)                 290 ok                      203 = 70% schema_format_error   85   85     1
 *  express-openapi-clean_architecture-postgres (2)        290 ok                      174 = 60% no class              80   80     1
 *  express-openapi-clean_architecture-postgres-sequelize (3) 0, never healthy        crashed, result says stuck       0    0     0
 * </pre>
 * plus {@code zz-unfinished/} (trial.json status running, no result) and {@code empty/}, both skipped.
 */
public final class SyntheticRuns {

  static final int TOTAL = 290;

  private SyntheticRuns() {}

  public static Path runA(Path dir) {
    Path t = dir.resolve("trials");
    evaluated(t, "flask", List.of(), 1, TOTAL, true, null);
    evaluated(t, "flask", List.of(), 2, TOTAL, true, null);
    evaluated(t, "flask", List.of("postgres"), 1, 261, true,
        failure("logic_error", "incorrect_query_logic", true, "GET /api/articles?author=x returned 2 articles, expected 1"));
    evaluated(t, "flask", List.of("postgres"), 2, TOTAL, true, null);
    evaluated(t, "flask", List.of("postgres", "sqlalchemy"), 1, 145, true,
        failure("logic_error", "database_runtime_error", true, "sqlalchemy.exc.ProgrammingError: relation \"follows\" does not exist"));
    crashed(t, "flask", List.of("postgres", "sqlalchemy"), 2, "agent container exited with 137", null);
    evaluated(t, "flask", List.of("clean_architecture", "postgres", "sqlalchemy"), 1, 232, false,
        failure("constraint_violation", null, false, "routes/articles.py imports repositories directly"));
    info(t, "flask", List.of("clean_architecture", "postgres", "sqlalchemy"), 2, "evaluated", null);
    evaluated(t, "express", List.of(), 1, TOTAL, true, null);
    evaluated(t, "express", List.of(), 2, TOTAL, true, null);
    evaluated(t, "express", List.of("clean_architecture"), 1, TOTAL, true, null);
    evaluated(t, "express", List.of("clean_architecture"), 2, 203, true,
        failure("schema_format_error", null, false, "createdAt is not an ISO 8601 string"));
    evaluated(t, "express", List.of("clean_architecture", "postgres"), 1, TOTAL, true, null);
    evaluated(t, "express", List.of("clean_architecture", "postgres"), 2, 174, true, null);
    evaluated(t, "express", List.of("clean_architecture", "postgres", "sequelize"), 1, 0, true,
        failure("server_startup_failure", null, false, "Error: Cannot find module 'sequelize'"));
    crashed(t, "express", List.of("clean_architecture", "postgres", "sequelize"), 2, "trial time limit",
        result("express-openapi-clean_architecture-postgres-sequelize", List.of("clean_architecture", "postgres", "sequelize"),
            40, true, failure("stuck_in_loop", null, false, "agent repeated the same command 30 times")));
    write(t.resolve("zz-unfinished").resolve("trial.json"),
        "{\"id\":\"zz-unfinished\",\"task\":\"koa-openapi-unconstrained\",\"status\":\"running\"}");
    mkdirs(t.resolve("empty"));
    return dir;
  }

  /**
   * Run B: run A with flask-openapi-postgres-sqlalchemy now 290/290 twice (A% 25 -> 100), without
   * the express L3 task, and with one new task, koa-openapi-unconstrained (290/290).
   */
  public static Path runB(Path dir) {
    runA(dir);
    Path t = dir.resolve("trials");
    List<String> pgOrm = List.of("postgres", "sqlalchemy");
    List<String> expressL3 = List.of("clean_architecture", "postgres", "sequelize");
    for (int r = 1; r <= 2; r++) {
      Trees.deleteQuietly(t.resolve(id("flask", pgOrm, r)));
      evaluated(t, "flask", pgOrm, r, TOTAL, true, null);
      Trees.deleteQuietly(t.resolve(id("express", expressL3, r)));
    }
    evaluated(t, "koa", List.of(), 1, TOTAL, true, null);
    return dir;
  }

  static String task(String framework, List<String> constraints) {
    return framework + "-openapi-" + (constraints.isEmpty() ? "unconstrained" : String.join("-", constraints));
  }

  static String id(String framework, List<String> constraints, int repeat) {
    return task(framework, constraints) + "-r" + repeat;
  }

  /** An evaluated trial: trial.json, result.json, server.log, patch.diff. */
  static void evaluated(Path trials, String fw, List<String> constraints, int repeat, int passed,
      boolean verifiersPass, FailureClass failure) {
    String id = id(fw, constraints, repeat);
    info(trials, fw, constraints, repeat, "evaluated", null);
    writeJson(trials.resolve(id).resolve("result.json"), result(task(fw, constraints), constraints, passed, verifiersPass, failure));
    write(trials.resolve(id).resolve("server.log"), "listening on 8080\n" + (passed < TOTAL ? "ERROR boom in " + id + "\n" : ""));
    write(trials.resolve(id).resolve("patch.diff"), "diff --git a/app.py b/app.py\n");
  }

  /** A crashed trial, optionally with a result.json. */
  static void crashed(Path trials, String fw, List<String> constraints, int repeat, String error, TrialResult result) {
    String id = id(fw, constraints, repeat);
    info(trials, fw, constraints, repeat, "crashed", error);
    if (result != null) {
      writeJson(trials.resolve(id).resolve("result.json"), result);
    }
    write(trials.resolve(id).resolve("server.log"), "partial log of " + id + "\nKilled\n");
  }

  static void info(Path trials, String fw, List<String> constraints, int repeat, String status, String error) {
    String id = id(fw, constraints, repeat);
    writeJson(trials.resolve(id).resolve("trial.json"),
        new TrialJson(id, task(fw, constraints), fw, constraints.size(), constraints, repeat, "reference", status, error,
            Json.mapper().createObjectNode().put("exitCode", 0).put("finished", true).put("note", "stored solution"),
            3000L + repeat, null));
  }

  static FailureClass failure(String coarse, String sub, boolean dataLayer, String evidence) {
    return new FailureClass(coarse, sub, dataLayer, 0.9, "rule:" + coarse, List.of(evidence));
  }

  /**
   * A result with {@code passed} of 290 assertions. The failed ones sit in "Create Article" (HTTP
   * 500) and, when more than 10 fail, also in "Get Profile" with no answer (connection refused).
   */
  static TrialResult result(String task, List<String> constraints, int passed, boolean verifiersPass,
      FailureClass failure) {
    AssertionCounts counts = new AssertionCounts(passed, TOTAL - passed, TOTAL);
    double aPct = counts.percent();
    double strict = verifiersPass ? aPct : 0;
    boolean success = passed == TOTAL && verifiersPass;
    List<RequestResult> requests = new ArrayList<>();
    requests.add(new RequestResult("Register", "POST", "/api/users", 201, null, 12,
        List.of(new AssertionResult("Response contains \"user\" property", true, null))));
    int failed = TOTAL - passed;
    if (failed > 0) {
      int first = Math.min(failed, 10);
      List<AssertionResult> a = new ArrayList<>();
      for (int i = 0; i < first; i++) {
        a.add(new AssertionResult("Article has \"field" + i + "\"", false, "expected 500 to equal 201"));
      }
      requests.add(new RequestResult("Create Article", "POST", "/api/articles", 500, null, 30, a));
      if (failed > 10) {
        List<AssertionResult> b = new ArrayList<>();
        for (int i = 0; i < failed - 10; i++) {
          b.add(new AssertionResult("check " + i, false, "no response"));
        }
        requests.add(new RequestResult("Get Profile", "GET", "/api/profiles/{{USERNAME}}", null, "connection refused", 1, b));
      }
    }
    List<VerifierResult> verifiers = constraints.stream().map(c -> new VerifierResult(c, VerifierResult.PAPER,
        verifiersPass, verifiersPass ? "evidence found" : c + " not satisfied",
        verifiersPass ? List.of() : List.of("routes/articles.py:3 import repositories.article_repo"))).toList();
    ExtendedResult extended = new ExtendedResult(passed == TOTAL ? 40 : 20, 40, List.of());
    StartupInfo startup = new StartupInfo(List.of(), "./run.sh", null, passed == 0 ? "timeout" : "200", 500, 100, false);
    return TrialResult.builder(task).constraints(constraints).assertions(counts).aPct(aPct)
        .strictAPct(strict).strictAPctPlus(strict).extended(extended).success(success)
        .healthy(passed > 0).failure(success ? null : failure)
        .sandbox(new SandboxInfo("ports", null, 8080, "17")).startup(startup).requests(requests)
        .verifiers(verifiers).timings(new PhaseTimings(1, 2, 3, 4, 5, 6, 2000))
        .serverLogTail(passed < TOTAL
            ? "Traceback (most recent call last):\n  ... </script><b>not html</b>\nERROR in " + task
            : "ok")
        .build();
  }

  static void writeJson(Path file, Object value) {
    try {
      mkdirs(file.getParent());
      Json.mapper().writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      mkdirs(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
