package dev.decaybench.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A comment created with 2xx that never shows up in the list: the database says whether the
 * write was lost (no row: state) or the query misses it (row there: query). Issue 18, point 3.
 */
class DatabaseEvidenceTest {

  private static final Path CASES = TestApps.MODULE.resolve("src/test/resources/db-evidence");

  @TempDir
  Path tmp;

  private Path materialize(String name) throws IOException {
    Path app = tmp.resolve(name);
    Trees.copy(TestApps.reference(TestApps.FLASK), app, Set.of());
    Trees.copy(CASES.resolve(name), app, Set.of());
    return app;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "flask-comment-flushed-not-committed, state_propagation_failure",
      "flask-comment-list-wrong-filter, incorrect_query_logic"})
  void aCreatedCommentMissingFromTheListIsClassifiedByItsRow(String name, String subcategory)
      throws Exception {
    TrialResult r = new TrialEvaluator().evaluate(EvaluationRequest.of(
        materialize(name), tmp.resolve("out"), TestApps.FLASK_TASK, null).withTimeouts(15_000, 10_000));

    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().subcategory()).as("%s", r.failure()).isEqualTo(subcategory);
  }
}
