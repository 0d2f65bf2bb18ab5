package dev.decaybench.runner.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * result.json names checks as the collection does and keeps decaybench's wording beside it; the
 * check-name rules read the latter, so a labelled trial scores the same in either shape.
 */
class CollectionNamedResultsTest {

  @TempDir
  Path tmp;

  static Stream<Path> trials() throws IOException {
    List<Path> dirs = new java.util.ArrayList<>();
    for (String set : List.of("dev", "heldout")) {
      try (Stream<Path> s = Files.list(ClassifierFixtures.RESOURCES.resolve(set).resolve("trials"))) {
        s.filter(Files::isDirectory).sorted().forEach(dirs::add);
      }
    }
    return dirs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trials")
  void aTrialWithTheCollectionsNamesIsClassifiedAsBefore(Path trial) throws IOException {
    Path copy = tmp.resolve(trial.getFileName().toString());
    Trees.copy(trial.toAbsolutePath(), copy, Set.of());
    JsonNode result = Json.mapper().readTree(copy.resolve("result.json").toFile());
    int i = 0;
    for (JsonNode q : result.path("requests")) {
      for (JsonNode a : q.path("assertions")) {
        ObjectNode o = (ObjectNode) a;
        o.put("decaybenchName", o.path("name").asText());
        o.put("name", "collection's check " + i++); // a name no rule knows
      }
    }
    Json.mapper().writeValue(copy.resolve("result.json").toFile(), result);

    FailureClass before = new FailureClassifier().classify(TrialEvidence.fromTrialDirectory(trial));
    FailureClass after = new FailureClassifier().classify(TrialEvidence.fromTrialDirectory(copy));
    assertThat(after.subcategory()).isEqualTo(before.subcategory());
    assertThat(after.rule()).isEqualTo(before.rule());
  }
}
