package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.ClassifierFixtures.line;
import static dev.decaybench.runner.classify.ClassifierFixtures.lines;
import static dev.decaybench.runner.classify.ClassifierFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.judge.JudgeInput;
import org.junit.jupiter.api.Test;

/** The database's answer on a write decides between a lost write and a query that misses it. */
class WriteRowRuleTest {

  private static final FailureClassifier CLASSIFIER = new FailureClassifier();

  @Test
  void aCommentMissingFromTheListIsQueryLogicWhenItsRowIsInTheDatabase() {
    String lists = lines(line("All Comments for Article", "GET", 200, 5),
        line("All Comments for Article without login", "GET", 200, 5));
    FailureClass stored = CLASSIFIER.classify(sample(lists)
        .write("Create Comment for Article", "comment", true, "comments.body").evidence());
    FailureClass lost = CLASSIFIER.classify(sample(lists)
        .write("Create Comment for Article", "comment", false, "no text column holds it").evidence());
    FailureClass unknown = CLASSIFIER.classify(sample(lists).evidence());
    assertThat(stored.subcategory()).isEqualTo("incorrect_query_logic");
    assertThat(stored.rule()).isEqualTo("write-row");
    assertThat(lost.subcategory()).isEqualTo("state_propagation_failure");
    assertThat(unknown.rule()).as("without the database the rules guess as before").isNotEqualTo("write-row");
  }

  @Test
  void aFavouriteWhoseFlagStaysFalseIsStateWhenNoRowWasWritten() {
    FailureClass f = CLASSIFIER.classify(sample(line("Favorite Article", "POST", 200, 2))
        .write("Favorite Article", "favourite", false, "no row in favorites").evidence());
    assertThat(f.rule()).isEqualTo("write-row");
    assertThat(f.subcategory()).isEqualTo("state_propagation_failure");
  }

  @Test
  void theJudgeIsToldWhatTheDatabaseHeld() {
    TrialEvidence e = sample(line("Favorite Article", "POST", 200, 2))
        .write("Favorite Article", "favourite", false, "no row in favorites").evidence();
    String prompt = JudgeInput.render(e, CLASSIFIER.classify(e));
    assertThat(prompt).contains("Favorite Article: favourite NOT stored (no row in favorites)");
  }
}
