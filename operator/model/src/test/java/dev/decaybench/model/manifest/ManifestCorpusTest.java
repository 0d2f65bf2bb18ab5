package dev.decaybench.model.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.crd.CrdSchemaValidator;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifest corpus: every file under manifests/bad must be rejected (by the reader or the
 * validator) with the fragment of its "# expect:" line, and, when marked "# schema: reject", by
 * the generated CRD schema too; every file under manifests/good must pass all three.
 */
class ManifestCorpusTest {

  private static final CrdSchemaValidator SCHEMA = CrdSchemaValidator.forEvaluationRuns();

  static Stream<Path> bad() throws IOException, URISyntaxException {
    return list("bad");
  }

  static Stream<Path> good() throws IOException, URISyntaxException {
    return list("good");
  }

  private static Stream<Path> list(String dir) throws IOException, URISyntaxException {
    Path root = Path.of(ManifestCorpusTest.class.getResource("/manifests/" + dir).toURI());
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void corpusIsLargeEnough() throws Exception {
    assertThat(bad().count()).isGreaterThanOrEqualTo(30);
    assertThat(good().count()).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badManifestIsRejectedWithItsMessage(Path file) throws IOException {
    List<String> header = Files.readAllLines(file).stream()
        .takeWhile(l -> l.startsWith("#")).toList();
    String expect = header.stream().filter(l -> l.startsWith("# expect: "))
        .map(l -> l.substring("# expect: ".length())).findFirst()
        .orElseThrow(() -> new AssertionError(file + " has no '# expect: ' line"));

    List<String> problems;
    String message;
    try {
      EvaluationRun run = ManifestReader.read(file);
      problems = ManifestValidator.validate(run);
      message = String.join("\n", problems);
    } catch (ManifestException e) {
      problems = e.getProblems();
      message = e.getMessage();
      assertThat(message).startsWith(file.toString());
    }
    assertThat(problems).as("problems of %s", file.getFileName()).isNotEmpty();
    assertThat(problems).as("problems of %s", file.getFileName())
        .anySatisfy(p -> assertThat(p).contains(expect));
    assertThat(message).doesNotContain("java.", "com.fasterxml", "Exception", "\tat ");

    if (header.contains("# schema: reject")) {
      assertThat(SCHEMA.validateYaml(Files.readString(file)))
          .as("CRD schema problems of %s", file.getFileName()).isNotEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("good")
  void goodManifestPassesReaderValidatorAndSchema(Path file) throws Exception {
    EvaluationRun run = ManifestReader.readValid(file);
    assertThat(run.getSpec().getRepeats()).isPositive();
    assertThat(SCHEMA.validateYaml(Files.readString(file))).isEmpty();
    // the defaulted model, written back, still conforms to the schema
    assertThat(SCHEMA.validateObject(run)).isEmpty();
  }
}
