package dev.decaybench.model.crd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialSpec;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import dev.decaybench.model.v1alpha1.TrialPhase;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the generated CRDs must say, and the schema checker on hand-made cases. */
class GeneratedCrdTest {

  private static JsonNode crd(String resource) throws Exception {
    try (InputStream in = GeneratedCrdTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new YAMLMapper().readTree(in);
    }
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
    return out;
  }

  @Test
  void evaluationRunCrd() throws Exception {
    JsonNode spec = crd(CrdSchemaValidator.EVALUATION_RUNS_CRD).path("spec");
    assertThat(spec.path("group").asText()).isEqualTo("decaybench.dev");
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(texts(spec.path("names").path("shortNames"), null)).containsExactly("evalrun");
    JsonNode version = spec.path("versions").get(0);
    assertThat(version.path("name").asText()).isEqualTo("v1alpha1");
    assertThat(version.path("subresources").has("status")).isTrue();
    assertThat(texts(version.path("additionalPrinterColumns"), "name"))
        .containsExactlyInAnyOrder("Phase", "Progress", "A%", "Strict A%", "Age");
    JsonNode props = version.path("schema").path("openAPIV3Schema").path("properties")
        .path("spec").path("properties");
    assertThat(props.path("repeats").path("default").asInt())
        .isEqualTo(EvaluationRunSpec.DEFAULT_REPEATS);
    assertThat(props.path("parallelism").path("default").asInt())
        .isEqualTo(EvaluationRunSpec.DEFAULT_PARALLELISM);
    assertThat(props.path("tasks").path("properties").path("suite").path("default").asText())
        .isEqualTo(TaskSelection.DEFAULT_SUITE);
    assertThat(texts(props.path("tasks").path("properties").path("frameworks").path("items")
        .path("enum"), null)).containsExactlyInAnyOrderElementsOf(Framework.names());
    assertThat(texts(props.path("agent").path("properties").path("type").path("enum"), null))
        .containsExactlyInAnyOrder("reference", "gold", "replay", "command", "image", "llm");
    JsonNode status = version.path("schema").path("openAPIV3Schema").path("properties")
        .path("status").path("properties");
    assertThat(texts(status.path("phase").path("enum"), null))
        .containsExactlyInAnyOrder("Pending", "Running", "Succeeded", "Failed", "Cancelled");
    assertThat(status.path("summary").path("properties").has("aPct")).isTrue();
  }

  @Test
  void evaluationTrialCrd() throws Exception {
    JsonNode spec = crd(CrdSchemaValidator.EVALUATION_TRIALS_CRD).path("spec");
    assertThat(texts(spec.path("names").path("shortNames"), null)).containsExactly("evaltrial");
    JsonNode schema = spec.path("versions").get(0).path("schema").path("openAPIV3Schema");
    assertThat(texts(schema.path("properties").path("status").path("properties").path("phase")
        .path("enum"), null))
        .containsExactlyInAnyOrder("Pending", "Running", "Evaluated", "Failed");
    assertThat(schema.path("properties").path("status").path("properties").path("evidence")
        .path("maxItems").asInt()).isEqualTo(EvaluationTrialStatus.MAX_EVIDENCE_ITEMS);
  }

  @Test
  void schemaCheckerFindsTypeRequiredEnumMinimumAndUnknownFields() {
    CrdSchemaValidator schema = CrdSchemaValidator.forEvaluationRuns();
    List<String> problems = schema.validateYaml("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata: {name: x}
        spec:
          agent: {model: m}
          repeats: 0
          parallelism: "2"
          tasks: {frameworks: [rails], levels: [4], extra: 1}
        """);
    assertThat(problems).containsExactlyInAnyOrder(
        "spec.agent: required property 'type' not found",
        "spec.repeats: must have a minimum value of 1.0",
        "spec.parallelism: string found, integer expected",
        "spec.tasks.frameworks[0]: does not have a value in the enumeration [\"aiohttp\","
            + " \"django\", \"express\", \"fastapi\", \"fastify\", \"flask\", \"hono\", \"koa\"]",
        "spec.tasks.levels[0]: must have a maximum value of 3.0",
        "spec.tasks: property 'extra' is not defined in the schema and the schema does not"
            + " allow additional properties");
  }

  @Test
  void aTrialWrittenByTheModelConformsToItsCrd() {
    EvaluationTrial trial = new EvaluationTrial("r-flask-0001",
        new EvaluationTrialSpec("r", "flask-openapi-postgres", Framework.FLASK, "postgres", 1, 0,
            0));
    EvaluationTrialStatus status = new EvaluationTrialStatus();
    status.setPhase(TrialPhase.EVALUATED);
    status.setAPct(87.5);
    status.setEvidence(Collections.nCopies(20, "x".repeat(1000)));
    trial.setStatus(status);
    assertThat(CrdSchemaValidator.forEvaluationTrials().validateObject(trial)).isEmpty();
    trial.getSpec().setLevel(9);
    assertThat(CrdSchemaValidator.forEvaluationTrials().validateObject(trial))
        .containsExactly("spec.level: must have a maximum value of 3.0");
  }
}
