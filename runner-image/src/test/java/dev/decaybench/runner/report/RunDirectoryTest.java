package dev.decaybench.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.metrics.TrialRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

  @TempDir
  Path tmp;

  private Map<String, TrialEntry> entries(RunDirectory run) {
    return run.trials().stream().collect(Collectors.toMap(TrialEntry::id, Function.identity()));
  }

  @Test
  void readsEveryFinishedTrialAndSkipsUnfinishedOnes() {
    RunDirectory run = RunDirectory.read(SyntheticRuns.runA(tmp));
    assertThat(run.trials()).hasSize(16);
    assertThat(run.trials()).extracting(TrialEntry::id).doesNotContain("zz-unfinished", "empty");
    assertThat(run.warnings()).anyMatch(w -> w.startsWith("zz-unfinished: not finished (status running)"))
        .anyMatch(w -> w.startsWith("empty: neither trial.json nor result.json"));
  }

  @Test
  void evaluatedTrialCarriesItsResult() {
    TrialRecord r = entries(RunDirectory.read(SyntheticRuns.runA(tmp))).get("flask-openapi-postgres-r1").record();
    assertThat(r.task()).isEqualTo("flask-openapi-postgres");
    assertThat(r.framework()).isEqualTo("flask");
    assertThat(r.level()).isEqualTo(1);
    assertThat(r.repeat()).isEqualTo(1);
    assertThat(r.aPct()).isEqualTo(90.0);
    assertThat(r.strictAPct()).isEqualTo(90.0);
    assertThat(r.success()).isFalse();
    assertThat(r.failureCoarse()).isEqualTo("logic_error");
    assertThat(r.failureSubcategory()).isEqualTo("incorrect_query_logic");
    assertThat(r.dataLayer()).isTrue();
    assertThat(r.extendedPassed()).isEqualTo(20);
    assertThat(r.extendedTotal()).isEqualTo(40);
    assertThat(r.durationMs()).isEqualTo(3001); // trial.json durationMs (agent + evaluation), not the evaluation's 2000
  }

  @Test
  void crashedTrialWithoutResultIsShownAsOtherButLeftOutOfTheMetrics() {
    TrialEntry e = entries(RunDirectory.read(SyntheticRuns.runA(tmp))).get("flask-openapi-postgres-sqlalchemy-r2");
    assertThat(e.crashed()).isTrue();
    assertThat(e.result()).isNull();
    assertThat(e.error()).isEqualTo("agent container exited with 137");
    assertThat(e.record().aPct()).isZero();
    assertThat(e.record().strictAPct()).isZero();
    assertThat(e.record().success()).isFalse();
    assertThat(e.record().failureCoarse()).isEqualTo("other");
    assertThat(e.counted()).isFalse(); // a harness error is not the agent's fault
    assertThat(RunDirectory.read(tmp).records()).doesNotContain(e.record());
  }

  @Test
  void crashedTrialKeepsTheClassOfItsResultForDisplayOnly() {
    TrialEntry e = entries(RunDirectory.read(SyntheticRuns.runA(tmp)))
        .get("express-openapi-clean_architecture-postgres-sequelize-r2");
    assertThat(e.crashed()).isTrue();
    assertThat(e.result()).isNotNull();
    assertThat(e.result().aPct()).isGreaterThan(0); // the result says 13.79% ...
    assertThat(e.record().aPct()).isZero();          // ... but a crash scores 0
    assertThat(e.record().failureCoarse()).isEqualTo("stuck_in_loop");
    assertThat(e.counted()).isFalse();
  }

  @Test
  void timedOutTrialCountsAsZeroPrematureTermination() {
    Path trials = tmp.resolve("trials");
    SyntheticRuns.info(trials, "koa", List.of("sqlite"), 1, "timed_out", "trial exceeded its time limit of 60 s");
    TrialEntry e = entries(RunDirectory.read(tmp)).get("koa-openapi-sqlite-r1");
    assertThat(e.counted()).isTrue();
    assertThat(e.crashed()).isTrue(); // listed with the not-evaluated trials
    assertThat(e.record().aPct()).isZero();
    assertThat(e.record().failureCoarse()).isEqualTo("premature_termination");
    assertThat(RunDirectory.read(tmp).records()).containsExactly(e.record());
  }

  @Test
  void evaluatedTrialWhoseResultIsMissingIsCountedAsCrashed() {
    RunDirectory run = RunDirectory.read(SyntheticRuns.runA(tmp));
    TrialEntry e = entries(run).get("flask-openapi-clean_architecture-postgres-sqlalchemy-r2");
    assertThat(e.status()).isEqualTo(TrialJson.CRASHED);
    assertThat(e.error()).isEqualTo("result.json missing");
    assertThat(e.record().failureCoarse()).isEqualTo("other");
    assertThat(run.warnings()).anyMatch(w -> w.contains("status evaluated but result.json missing"));
  }

  @Test
  void brokenResultAndMissingTrialJsonAreTolerated() {
    Path trials = tmp.resolve("trials");
    SyntheticRuns.info(trials, "koa", List.of("sqlite"), 1, "evaluated", null);
    SyntheticRuns.write(trials.resolve("koa-openapi-sqlite-r1").resolve("result.json"), "{\"schemaVersion\": 1, \"aPct\": ");
    // result.json without trial.json: placed from the task name in the result
    SyntheticRuns.writeJson(trials.resolve("uv-fastapi-orphan-3").resolve("result.json"),
        SyntheticRuns.result("uv-fastapi-openapi-postgres", List.of("postgres"), 290, true, null));
    // trial.json that is not JSON, result.json fine
    SyntheticRuns.write(trials.resolve("hono-x").resolve("trial.json"), "not json");
    SyntheticRuns.writeJson(trials.resolve("hono-x").resolve("result.json"),
        SyntheticRuns.result("hono-openapi-unconstrained", List.of(), 145, true, null));

    RunDirectory run = RunDirectory.read(tmp);
    Map<String, TrialEntry> e = entries(run);
    assertThat(e).containsOnlyKeys("koa-openapi-sqlite-r1", "uv-fastapi-orphan-3", "hono-x");
    assertThat(e.get("koa-openapi-sqlite-r1").crashed()).isTrue();
    assertThat(e.get("koa-openapi-sqlite-r1").error()).startsWith("result.json unreadable");
    TrialRecord orphan = e.get("uv-fastapi-orphan-3").record();
    assertThat(orphan.framework()).isEqualTo("fastapi");
    assertThat(orphan.level()).isEqualTo(1);
    assertThat(orphan.repeat()).isEqualTo(3);
    assertThat(orphan.success()).isTrue();
    TrialRecord hono = e.get("hono-x").record();
    assertThat(hono.framework()).isEqualTo("hono");
    assertThat(hono.aPct()).isEqualTo(50.0);
    assertThat(hono.failureCoarse()).isNull(); // failed but not classified
    assertThat(run.warnings()).anyMatch(w -> w.startsWith("hono-x: trial.json unreadable"))
        .anyMatch(w -> w.startsWith("uv-fastapi-orphan-3: no readable trial.json"));
  }

  @Test
  void missingDirectoryIsAClearError() {
    assertThatThrownBy(() -> RunDirectory.read(tmp.resolve("nope")))
        .isInstanceOf(ReportException.class).hasMessageContaining("does not exist");
  }

  @Test
  void runWithoutTrialsDirectoryFallsBackToRunJson() {
    Path a = SyntheticRuns.runA(tmp.resolve("a"));
    ReportWriter.writeAll(a, RunMetadata.named("a"));
    Path copy = tmp.resolve("b");
    SyntheticRuns.mkdirs(copy);
    SyntheticRuns.write(copy.resolve("run.json"), readString(a.resolve("run.json")));
    RunDirectory run = RunDirectory.read(copy);
    assertThat(run.records()).hasSize(13); // 16 trials, 3 crashed ones left out
    assertThat(run.records()).containsExactlyElementsOf(RunDirectory.read(a).records());
    assertThat(run.warnings()).anyMatch(w -> w.contains("taken from run.json"));
  }

  private static String readString(Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
