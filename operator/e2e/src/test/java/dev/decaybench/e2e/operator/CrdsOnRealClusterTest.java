package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.e2e.cluster.CrdsOnServer;
import dev.decaybench.e2e.cluster.E2eCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The committed CRDs as a real API server judges them: structural schema, pruning, validation. */
class CrdsOnRealClusterTest {

  private static final ResourceDefinitionContext RUNS = new ResourceDefinitionContext.Builder()
      .withGroup("decaybench.dev").withVersion("v1alpha1").withPlural("evaluationruns")
      .withKind("EvaluationRun").withNamespaced(true).build();

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();

  @AfterEach
  void close() {
    admin.close();
  }

  @Test
  void everyCommittedCrdIsEstablishedWithAStructuralSchema() {
    List<CustomResourceDefinition> crds = CrdsOnServer.apply(admin);

    assertThat(crds).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("evaluationruns.decaybench.dev",
            "evaluationtrials.decaybench.dev");
    assertThat(crds).allSatisfy(c -> assertThat(c.getStatus().getConditions())
        .noneSatisfy(k -> assertThat(k.getType()).isEqualTo("NonStructuralSchema")));
  }

  @Test
  void unknownFieldsArePrunedByTheServer() {
    GenericKubernetesResource run = Serialization.unmarshal("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata: {name: pruned, namespace: bench}
        spec:
          agent: {type: reference, favouriteColour: blue}
          tasks: {frameworks: [flask], variants: [unconstrained]}
          notAField: 1
        """, GenericKubernetesResource.class);

    GenericKubernetesResource stored = admin.genericKubernetesResources(RUNS)
        .inNamespace("bench").resource(run).create();

    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) stored.getAdditionalProperties().get("spec");
    assertThat(spec).doesNotContainKey("notAField").containsKey("tasks");
    assertThat(((Map<?, ?>) spec.get("agent")).containsKey("favouriteColour")).isFalse();
    EvaluationRun typed = admin.resources(EvaluationRun.class).inNamespace("bench")
        .withName("pruned").get();
    assertThat(typed.getSpec().getAgent()).isNotNull();
    admin.resource(typed).delete();
  }

  @Test
  void aValueTheSchemaForbidsIsRefusedWith422() {
    GenericKubernetesResource run = Serialization.unmarshal("""
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata: {name: invalid, namespace: bench}
        spec:
          agent: {type: reference}
          tasks: {frameworks: [flask]}
          repeats: "three"
        """, GenericKubernetesResource.class);

    assertThatThrownBy(() -> admin.genericKubernetesResources(RUNS).inNamespace("bench")
        .resource(run).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.repeats");
        });
  }
}
