package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.Images;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.status.Reason;
import dev.decaybench.operator.testing.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunAdmissionTest {

  private final RunAdmission admission = new RunAdmission();

  @Test
  void aCommandAgentIsRefusedOnAClusterUnlessTheRunNamesAnImageWithItsCli() {
    EvaluationRun run = Runs.reference("cmd", List.of(Framework.FLASK), null, 1, 1);
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("my-agent", "{prompt}"));
    run.getSpec().setAgent(agent);

    RunAdmission.Result refused = admission.admit(run, List.of());
    Images images = new Images();
    images.setRunner("registry.example.com/runner-with-my-agent:1");
    run.getSpec().setImages(images);
    RunAdmission.Result accepted = admission.admit(run, List.of());

    assertThat(refused.reason()).isEqualTo(Reason.InvalidSpec);
    assertThat(refused.problems()).singleElement().asString().contains("type: image")
        .contains("spec.images.runner");
    assertThat(accepted.accepted()).isTrue();
  }
}
