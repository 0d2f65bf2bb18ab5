package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** helm/decaybench/crds/ holds exactly the files of crds/ (crds/regenerate.sh copies both). */
class CrdSyncTest {

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")
          || n.endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void chartCrdsAreCopiesOfTheRepositoryCrds() throws IOException {
    Path repo = Chart.repoRoot().resolve("crds");
    Path chart = Chart.dir().resolve("crds");
    assertThat(names(chart)).as("files in " + chart).isEqualTo(names(repo));
    assertThat(names(repo)).isNotEmpty();
    for (String name : names(repo)) {
      assertThat(Files.readString(chart.resolve(name)))
          .as(chart.resolve(name) + " differs from crds/" + name
              + ": run crds/regenerate.sh (or cp crds/*.yml helm/decaybench/crds/)")
          .isEqualTo(Files.readString(repo.resolve(name)));
    }
  }

  @Test
  void regenerateScriptCopiesIntoTheChart() throws IOException {
    assertThat(Files.readString(Chart.repoRoot().resolve("crds/regenerate.sh")))
        .contains("helm/decaybench/crds/");
  }
}
