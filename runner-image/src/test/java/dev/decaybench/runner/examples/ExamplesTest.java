package dev.decaybench.runner.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.crd.CrdSchemaValidator;
import dev.decaybench.model.manifest.ManifestReader;
import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.run.LocalSuite;
import dev.decaybench.runner.task.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every manifest in examples/ is read by the real model, valid for the CRD schema, and plans trials. */
class ExamplesTest {

  static final Path EXAMPLES = Path.of("").toAbsolutePath().resolveSibling("examples");

  static Stream<Path> manifests() throws Exception {
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      List<Path> all = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      return all.stream().filter(p -> {
        try {
          return Files.readString(p).contains("kind: EvaluationRun");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void exampleIsAValidRunThatPlansTrials(Path manifest) throws Exception {
    EvaluationRun run = ManifestReader.readValid(manifest);
    String yaml = Files.readString(manifest);
    String runDocument = Stream.of(yaml.split("(?m)^---\\s*$"))
        .filter(d -> d.contains("kind: EvaluationRun")).findFirst().orElseThrow();
    assertThat(CrdSchemaValidator.forEvaluationRuns().validateYaml(runDocument)).isEmpty();
    List<PlannedTrial<TaskDefinition>> plan = LocalSuite.plan(run.getSpec(), manifest.getParent());
    assertThat(plan).isNotEmpty();
    if (manifest.getFileName().toString().equals("paper-reproduction.yaml")) {
      assertThat(plan).hasSize(240);
    }
    if (manifest.getFileName().toString().equals("feature-tasks.yaml")) {
      // a feature task whose removal patch is found beside its file
      assertThat(plan).singleElement().satisfies(t -> assertThat(Path.of(t.task().repo().patch())).isRegularFile());
    }
    if (manifest.getFileName().toString().equals("quickstart.yaml")) {
      assertThat(plan).hasSize(24);
      assertThat(plan.stream().map(t -> t.task().level()).distinct()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }
  }
}
