package dev.decaybench.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The extended suite runs after the paper's and provokes errors on purpose (calls without a
 * token, a duplicate registration). On apps that log every handled error, as real ones do, that
 * noise must not decide the class of what the paper's suite found (issue 18, point 1).
 */
class ExtendedSuiteNoiseTest {

  private static final Path CASES = TestApps.MODULE.resolve("src/test/resources/phase-noise");

  @TempDir
  Path tmp;

  private Path materialize(String name) throws IOException {
    Path app = tmp.resolve(name);
    Trees.copy(TestApps.reference(TestApps.FLASK), app, Set.of());
    Trees.copy(CASES.resolve("common"), app, Set.of());
    Trees.copy(CASES.resolve(name), app, Set.of());
    return app;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "flask-update-user-500, logic_error, business_logic_defect",
      "flask-comments-never-written, incomplete_implementation, "})
  void theClassIsTheOneThePaperSuiteAloneGives(String name, String coarse, String subcategory)
      throws Exception {
    Path app = materialize(name);
    Path out = tmp.resolve("out");

    TrialResult r = new TrialEvaluator().evaluate(EvaluationRequest.of(
        app, out, TestApps.FLASK_TASK, null).withTimeouts(15_000, 10_000));

    assertThat(r.extended()).isNotNull();
    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().coarse()).as("%s", r.failure()).isEqualTo(coarse);
    assertThat(r.failure().subcategory()).as("%s", r.failure()).isEqualTo(subcategory);
    // the extended suite's noise is kept, apart from what the classifier reads
    assertThat(Files.readString(out.resolve("server.log"))).doesNotContain("duplicate key");
    assertThat(Files.readString(out.resolve("server-extended.log"))).contains("duplicate key");
  }
}
