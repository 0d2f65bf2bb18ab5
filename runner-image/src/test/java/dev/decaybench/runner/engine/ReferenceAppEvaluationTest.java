package dev.decaybench.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceAppEvaluationTest {

  @TempDir
  Path tmp;

  @Test
  void flaskReferenceScoresEveryAssertionAndEveryVerifier() throws Exception {
    Path app = TestApps.reference(TestApps.FLASK);
    String before = DirectoryDigest.of(app);

    TrialResult r = new TrialEvaluator().evaluate(
        EvaluationRequest.of(app, tmp.resolve("out"), TestApps.FLASK_TASK, null));

    assertThat(r.assertions().total()).isEqualTo(290);
    assertThat(r.assertions().passed()).isEqualTo(290);
    assertThat(r.aPct()).isEqualTo(100.0);
    assertThat(r.strictAPct()).isEqualTo(100.0);
    assertThat(r.healthy()).isTrue();
    assertThat(r.success()).isTrue();
    assertThat(r.requests()).hasSize(32);
    assertThat(r.verifiers()).extracting(VerifierResult::name).containsExactly(
        "clean_architecture", "postgres", "sqlalchemy", "import_graph", "database_runtime", "orm_usage");
    assertThat(r.verifiers()).allSatisfy(v -> assertThat(v.passed()).as(v.name() + ": " + v.reason()).isTrue());
    assertThat(r.strictAPctPlus()).isEqualTo(100.0);
    assertThat(r.extended().passed()).isEqualTo(r.extended().total()).isGreaterThan(80);
    assertThat(r.constraints()).containsExactly("clean_architecture", "postgres", "sqlalchemy");
    for (String f : new String[] {"result.json", "server.log", "cucumber.json", "junit.xml"}) {
      assertThat(tmp.resolve("out").resolve(f)).isNotEmptyFile();
    }
    assertThat(DirectoryDigest.of(app)).as("the input app is never modified").isEqualTo(before);
    assertThat(ResultSchema.problems(tmp.resolve("out/result.json"))).isEmpty();
    assertThat(Leftovers.scratchDirectories()).isEmpty();
  }

  @Test
  void expressReferenceScoresEveryAssertionAfterNpmInstall() throws Exception {
    TrialResult r = new TrialEvaluator().evaluate(EvaluationRequest.of(
        TestApps.reference(TestApps.EXPRESS), tmp.resolve("out"), TestApps.EXPRESS_TASK, null));

    assertThat(r.startup().setup()).allSatisfy(c -> assertThat(c.exitCode()).isZero());
    assertThat(r.assertions().passed()).isEqualTo(290);
    assertThat(r.success()).isTrue();
    assertThat(r.verifiers()).allSatisfy(v -> assertThat(v.passed()).as(v.name() + ": " + v.reason()).isTrue());
    assertThat(r.extended().passed()).isEqualTo(r.extended().total());
    assertThat(r.sandbox().appPort()).isEqualTo(3000);
    assertThat(Files.exists(TestApps.reference(TestApps.EXPRESS).resolve("node_modules")))
        .as("npm install ran in the scratch copy").isFalse();
  }
}
