package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.testing.Crds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The committed CRDs (crds/) applied to a real API server, which judges their schemas. */
public final class CrdsOnServer {

  private CrdsOnServer() {}

  /** Server-side applies every CRD in crds/ and waits until each is Established. */
  public static List<CustomResourceDefinition> apply(KubernetesClient admin) {
    List<CustomResourceDefinition> applied = new ArrayList<>();
    for (CustomResourceDefinition crd : Crds.load(admin)) {
      admin.apiextensions().v1().customResourceDefinitions().resource(crd)
          .fieldManager("decaybench-e2e").forceConflicts().serverSideApply();
      applied.add(admin.apiextensions().v1().customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream().anyMatch(k -> "Established".equals(
                  k.getType()) && "True".equals(k.getStatus())), 60, TimeUnit.SECONDS));
    }
    return applied;
  }
}
