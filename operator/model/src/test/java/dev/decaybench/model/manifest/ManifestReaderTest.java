package dev.decaybench.model.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  private static final String HEADER = """
      apiVersion: decaybench.dev/v1alpha1
      kind: EvaluationRun
      metadata:
        name: r1
      """;

  @Test
  void appliesDefaults() throws Exception {
    EvaluationRun run = ManifestReader.read(HEADER + """
        spec:
          agent:
            type: reference
        """);
    EvaluationRunSpec spec = run.getSpec();
    assertThat(spec.getAgent().getType()).isEqualTo(AgentType.REFERENCE);
    assertThat(spec.getRepeats()).isEqualTo(3);
    assertThat(spec.getParallelism()).isEqualTo(2);
    assertThat(spec.getTasks().getSuite()).isEqualTo(TaskSelection.DEFAULT_SUITE);
    assertThat(spec.getEvaluation().getExtendedSuite()).isTrue();
    assertThat(spec.isSuspended()).isFalse();
    assertThat(run.getMetadata().getName()).isEqualTo("r1");
    assertThat(ManifestValidator.validate(run)).isEmpty();
  }

  @Test
  void aLocalRunWithoutParallelismGetsTheGivenNumberOfCoresNotTheClusterDefault(@TempDir Path dir)
      throws Exception {
    Path absent = dir.resolve("absent.yaml");
    Files.writeString(absent, HEADER + "spec:\n  agent:\n    type: reference\n");
    assertThat(ManifestReader.readValidLocal(absent, 5).getSpec().getParallelism()).isEqualTo(5);
    assertThat(ManifestReader.readValid(absent).getSpec().getParallelism()).isEqualTo(2);
    Path given = dir.resolve("given.yaml");
    Files.writeString(given, HEADER + "spec:\n  agent:\n    type: reference\n  parallelism: 3\n");
    assertThat(ManifestReader.readValidLocal(given, 5).getSpec().getParallelism()).isEqualTo(3);
  }

  @Test
  void keepsGivenValues() throws Exception {
    EvaluationRun run = ManifestReader.read(HEADER + """
        spec:
          agent: {type: replay, replayFrom: runs/a}
          tasks:
            frameworks: [hono, django]
            levels: [1, 2]
          repeats: 5
          parallelism: 7
          evaluation: {extendedSuite: false, keepFailedPods: true}
          suspend: true
        """);
    EvaluationRunSpec spec = run.getSpec();
    assertThat(spec.getTasks().getFrameworks()).containsExactly(Framework.HONO, Framework.DJANGO);
    assertThat(spec.getTasks().getLevels()).containsExactly(1, 2);
    assertThat(spec.getRepeats()).isEqualTo(5);
    assertThat(spec.getParallelism()).isEqualTo(7);
    assertThat(spec.getEvaluation().isExtendedSuiteEnabled()).isFalse();
    assertThat(spec.getEvaluation().isKeepFailedPodsEnabled()).isTrue();
    assertThat(spec.isSuspended()).isTrue();
  }

  @Test
  void reportsEveryBindingProblemInOnePassWithLines() {
    assertThatThrownBy(() -> ManifestReader.read(HEADER + """
        spec:
          agent:
            type: reference
          tasks:
            frameworks: [flask, rails, spring]
            framework: x
          repats: 3
        """, "run.yaml"))
        .isInstanceOf(ManifestException.class)
        .satisfies(e -> {
          ManifestException me = (ManifestException) e;
          assertThat(me.getProblems()).hasSize(4);
          assertThat(me.getMessage()).startsWith("run.yaml: 4 problems:\n  - ");
          assertThat(me.getProblems().get(0))
              .startsWith("spec.tasks.frameworks[1]: unknown framework 'rails'")
              .endsWith("(line 9)");
          assertThat(me.getProblems().get(1))
              .startsWith("spec.tasks.frameworks[2]: unknown framework 'spring'");
          assertThat(me.getProblems().get(2)).startsWith("spec.tasks.framework: unknown field");
          assertThat(me.getProblems().get(3))
              .startsWith("spec.repats: unknown field 'repats' (did you mean 'repeats'?")
              .endsWith("(line 11)");
          assertThat(me.getStackTrace()).isEmpty();
        });
  }

  @Test
  void fileErrorsAreMessagesNotStackTraces(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ManifestReader.read(missing))
        .isInstanceOf(ManifestException.class).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> ManifestReader.read(dir))
        .hasMessage(dir + ": is a directory, not a manifest file");
    Path binary = dir.resolve("bin.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
    assertThatThrownBy(() -> ManifestReader.read(binary)).hasMessage(binary + ": not UTF-8 text");
  }

  @Test
  void picksTheRunAmongOtherDocumentsAndKeepsLineNumbers() throws Exception {
    String yaml = """
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        stringData: {apiKey: x}
        ---
        """ + HEADER + """
        spec:
          agent:
            type: reference
            colour: blue
        """;
    assertThatThrownBy(() -> ManifestReader.read(yaml))
        .hasMessageContaining("spec.agent.colour: unknown field 'colour'")
        .hasMessageContaining("(line 13)");
    EvaluationRun run = ManifestReader.read(yaml.replace("    colour: blue\n", ""));
    assertThat(run.getMetadata().getName()).isEqualTo("r1");
  }

  @Test
  void readValidCombinesReaderAndValidator() {
    assertThatThrownBy(() -> ManifestReader.readValid(HEADER + """
        spec:
          agent: {type: llm}
          repeats: -2
        """, "x.yaml"))
        .isInstanceOf(ManifestException.class)
        .extracting(e -> ((ManifestException) e).getProblems())
        .isEqualTo(List.of(
            "spec.agent.model: required for agent type 'llm'",
            "spec.agent.endpoint: required for agent type 'llm'",
            "spec.agent.apiKeySecretRef: required for agent type 'llm' (name and key of the"
                + " Secret holding the API key; never put the key in the manifest)",
            "spec.repeats: must be at least 1 (got -2)"));
  }
}
