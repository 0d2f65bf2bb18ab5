package dev.decaybench.model.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.SecretKeyRef;
import dev.decaybench.model.v1alpha1.TaskSelection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

  private static EvaluationRun run(AgentSpec agent) {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setAgent(agent);
    return new EvaluationRun("r", spec);
  }

  @Test
  void aRunBuiltInJavaIsValidBeforeAndAfterDefaults() {
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    assertThat(ManifestValidator.validate(run)).isEmpty();
    run.getSpec().applyDefaults();
    assertThat(ManifestValidator.validate(run)).isEmpty();
  }

  @Test
  void llmNeedsModelEndpointAndKeyReference() {
    AgentSpec agent = new AgentSpec(AgentType.LLM);
    assertThat(ManifestValidator.validate(run(agent))).hasSize(3);
    agent.setModel("m");
    agent.setEndpoint("http://127.0.0.1:9000/v1");
    agent.setApiKeySecretRef(new SecretKeyRef("s", "k"));
    assertThat(ManifestValidator.validate(run(agent))).isEmpty();
  }

  @Test
  void nullEntriesAndBlankValuesAreReported() {
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    TaskSelection tasks = new TaskSelection();
    tasks.setLevels(Arrays.asList(1, null));
    tasks.setVariants(List.of(" "));
    tasks.setSuite("");
    run.getSpec().setTasks(tasks);
    assertThat(ManifestValidator.validate(run)).containsExactly(
        "spec.tasks.suite: must not be empty (omit it for constraint-decay)",
        "spec.tasks.levels[1]: must be a level 0..3",
        "spec.tasks.variants[0]: must not be empty");
  }

  @Test
  void variantsOfEveryFrameworkAreAccepted() {
    for (Framework f : Framework.values()) {
      EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
      TaskSelection tasks = new TaskSelection();
      tasks.setFrameworks(List.of(f));
      tasks.setVariants(dev.decaybench.model.v1alpha1.ConstraintVariant.allFor(f).stream()
          .map(Object::toString).toList());
      run.getSpec().setTasks(tasks);
      assertThat(ManifestValidator.validate(run)).as(f.value()).isEmpty();
    }
  }

  @Test
  void missingSpecAndMetadata() {
    EvaluationRun run = new EvaluationRun();
    assertThat(ManifestValidator.validate(run))
        .containsExactly("metadata.name: required", "spec: required (at least spec.agent.type)");
  }
}
