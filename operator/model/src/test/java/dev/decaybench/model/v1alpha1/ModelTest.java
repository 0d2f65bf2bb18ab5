package dev.decaybench.model.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.crd.CrdSchemaValidator;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModelTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A status as large as the aggregates can get, whatever the number of trials. */
  static EvaluationRunStatus largestStatus(int trials) {
    EvaluationRunStatus status = new EvaluationRunStatus();
    status.setPhase(RunPhase.RUNNING);
    status.setObservedGeneration(12L);
    TrialCounts counts = new TrialCounts(trials, trials / 4, trials / 4, trials / 4, trials / 4,
        trials / 10);
    status.setTrials(counts);
    status.setProgress(counts.progress());
    status.setStartTime(Conditions.timestamp(Instant.now()));
    RunSummary summary = new RunSummary();
    summary.setTrials(trials);
    summary.setSuccesses(trials / 3);
    double v = 1.0 / 3.0 * 100;
    summary.setAPct(v);
    summary.setStrictAPct(v);
    summary.setPassAt1(v / 100);
    summary.setPassAtK(v / 100);
    summary.setPassHatK(v / 100);
    summary.setK(3);
    Map<String, Double> delta = new LinkedHashMap<>();
    for (int[] d : new int[][] {{0, 1}, {1, 2}, {2, 3}, {0, 3}}) {
      delta.put(RunSummary.deltaKey(d[0], d[1]), -v);
    }
    summary.setDeltaAPct(delta);
    GroupSummary group = new GroupSummary();
    group.setTrials(trials);
    group.setSuccesses(trials / 3);
    group.setAPct(v);
    group.setStrictAPct(v);
    group.setPassAt1(v / 100);
    group.setPassAtK(v / 100);
    group.setPassHatK(v / 100);
    Map<String, GroupSummary> perLevel = new LinkedHashMap<>();
    for (int l = 0; l <= 3; l++) {
      perLevel.put(RunSummary.levelKey(l), group);
    }
    summary.setPerLevel(perLevel);
    summary.setPerFramework(Framework.names().stream()
        .collect(Collectors.toMap(n -> n, n -> group, (a, b) -> a, LinkedHashMap::new)));
    summary.setFailureClasses(List.of("server_startup_failure", "incomplete_implementation",
            "constraint_violation", "schema_format_error", "logic_error", "stuck_in_loop",
            "premature_termination", "other").stream()
        .collect(Collectors.toMap(n -> n, n -> trials, (a, b) -> a, LinkedHashMap::new)));
    summary.setFailureSubcategories(List.of("auth_misconfiguration", "incorrect_query_logic",
            "state_propagation_failure", "database_runtime_error", "framework_idiosyncrasy",
            "business_logic_defect").stream()
        .collect(Collectors.toMap(n -> n, n -> trials, (a, b) -> a, LinkedHashMap::new)));
    summary.setDataLayerShare(0.45);
    status.setSummary(summary);
    Instant now = Instant.now();
    for (String type : List.of(Condition.ACCEPTED, Condition.PROGRESSING, Condition.COMPLETE,
        Condition.DEGRADED)) {
      Conditions.set(status.getConditions(), type, Condition.TRUE, "SomeReason",
          "m".repeat(100_000), 12L, now);
    }
    return status;
  }

  @Test
  void runStatusOfTenThousandTrialsStaysSmall() throws Exception {
    EvaluationRun run = new EvaluationRun("big", new EvaluationRunSpec());
    run.getSpec().setAgent(new AgentSpec(AgentType.REFERENCE));
    run.setStatus(largestStatus(10_000));
    int bytes = JSON.writeValueAsString(run).getBytes(StandardCharsets.UTF_8).length;
    assertThat(bytes).as("bytes of a 10,000-trial run").isLessThan(100 * 1024);
    assertThat(run.getStatus().getProgress()).isEqualTo("5000/10000");
    assertThat(CrdSchemaValidator.forEvaluationRuns().validateObject(run)).isEmpty();
  }

  @Test
  void jsonNamesAreTheManifestNames() throws Exception {
    JsonNode summary = JSON.valueToTree(largestStatus(10)).path("summary");
    assertThat(summary.has("aPct")).isTrue();
    assertThat(summary.has("apct")).isFalse();
    assertThat(summary.path("perLevel").path("L0").has("aPct")).isTrue();
    assertThat(summary.path("deltaAPct").has("L0->L3")).isTrue();
    EvaluationTrialStatus ts = new EvaluationTrialStatus();
    ts.setAPct(50.0);
    ts.setPhase(TrialPhase.EVALUATED);
    JsonNode t = JSON.valueToTree(ts);
    assertThat(t.path("aPct").asDouble()).isEqualTo(50.0);
    assertThat(t.path("phase").asText()).isEqualTo("Evaluated");
    assertThat(t.has("conditions")).as("empty conditions are left out").isFalse();
  }

  @Test
  void fabric8SerializationRoundTrip() {
    EvaluationRun run = new EvaluationRun("rt", new EvaluationRunSpec());
    run.getSpec().setAgent(new AgentSpec(AgentType.LLM));
    run.getSpec().getAgent().setApiKeySecretRef(new SecretKeyRef("s", "k"));
    run.getSpec().setTasks(new TaskSelection());
    run.getSpec().getTasks().setFrameworks(List.of(Framework.KOA));
    run.setStatus(largestStatus(100));
    String yaml = Serialization.asYaml(run);
    assertThat(yaml).contains("apiVersion: \"decaybench.dev/v1alpha1\"", "type: \"llm\"",
        "- \"koa\"", "phase: \"Running\"");
    EvaluationRun back = Serialization.unmarshal(yaml, EvaluationRun.class);
    assertThat(back.getSpec().getTasks().getFrameworks()).containsExactly(Framework.KOA);
    assertThat(back.getStatus().getSummary().getAPct())
        .isEqualTo(run.getStatus().getSummary().getAPct());
    assertThat(back.getStatus().getConditions()).hasSize(4);
  }

  @Test
  void evidenceIsBounded() {
    EvaluationTrialStatus status = new EvaluationTrialStatus();
    status.setEvidence(Collections.nCopies(50, "e".repeat(5000)));
    assertThat(status.getEvidence()).hasSize(EvaluationTrialStatus.MAX_EVIDENCE_ITEMS)
        .allSatisfy(l -> assertThat(l).hasSize(EvaluationTrialStatus.MAX_EVIDENCE_CHARS));
    status.setMessage("x".repeat(5000));
    assertThat(status.getMessage()).hasSize(Conditions.MAX_MESSAGE_LENGTH);
  }

  @Test
  void constraintVariantsOfTheBuiltInSuite() {
    List<ConstraintVariant> flask = ConstraintVariant.allFor(Framework.FLASK);
    assertThat(flask).extracting(ConstraintVariant::name).containsExactlyInAnyOrder(
        "unconstrained", "clean_architecture", "postgres", "sqlite", "postgres-sqlalchemy",
        "sqlite-sqlalchemy", "clean_architecture-postgres", "clean_architecture-sqlite",
        "clean_architecture-postgres-sqlalchemy", "clean_architecture-sqlite-sqlalchemy");
    assertThat(flask.stream().collect(Collectors.groupingBy(ConstraintVariant::level,
        Collectors.counting()))).isEqualTo(Map.of(0, 1L, 1, 3L, 2, 4L, 3, 2L));
    assertThat(ConstraintVariant.allFor(Framework.HONO)).extracting(ConstraintVariant::name)
        .contains("clean_architecture-sqlite-sequelize");
    ConstraintVariant v = ConstraintVariant.parse("postgres-clean_architecture");
    assertThat(v.name()).isEqualTo("clean_architecture-postgres");
    assertThat(v.level()).isEqualTo(2);
    assertThat(ConstraintVariant.parse("postgres-sqlalchemy").appliesTo(Framework.EXPRESS))
        .isFalse();
    assertThatThrownBy(() -> ConstraintVariant.parse("sqlite-postgres"))
        .hasMessageContaining("two databases");
  }
}
