package dev.decaybench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.AssertionResult;
import dev.decaybench.model.result.RequestResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user cross-checking result.json with a Newman report matches checks by name: every name the
 * paper's suite writes is the collection's own, in the collection's order.
 */
class CollectionNamesTest {

  @TempDir
  Path tmp;

  private static List<String> collectionNames() throws IOException {
    try (InputStream in = CollectionNamesTest.class.getResourceAsStream("/suite/collection-assertion-names.tsv")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    }
  }

  @Test
  void everyPaperCheckIsNamedExactlyAsTheCollectionNamesItInOrder() throws IOException {
    // nothing listens on port 1: every check fails, but each is still recorded by name
    SuiteOutcome outcome = new ConduitSuite(Duration.ofMillis(500))
        .run(ConduitSuite.PAPER, "http://127.0.0.1:1/api", tmp);
    List<String> written = new ArrayList<>();
    for (RequestResult q : outcome.requests()) {
      for (AssertionResult a : q.assertions()) {
        written.add(q.name() + "\t" + a.name());
      }
    }
    assertThat(written).containsExactlyElementsOf(collectionNames());
  }

  @Test
  void decaybenchsOwnWordingStaysBesideTheCollectionsName() {
    assertThat(CollectionWording.of("articles[0] has \"title\" property"))
        .isEqualTo("Article has \"title\" property");
    assertThat(CollectionWording.of("Response code is 200")).isEqualTo("Response code is 200 OK");
    assertThat(CollectionWording.of("articles is an array")).isEqualTo("articles is an array");
  }
}
