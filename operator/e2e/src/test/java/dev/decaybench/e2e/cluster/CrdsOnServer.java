package dev.decaybench.e2e.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The committed CRDs (crds/) applied to a real API server, which judges their schemas. */
public final class CrdsOnServer {

  private CrdsOnServer() {}

  /** Server-side applies every CRD in crds/ and waits until each is Established. */
  public static List<CustomResourceDefinition> apply(KubernetesClient admin) {
    List<CustomResourceDefinition> applied = new ArrayList<>();
    try (Stream<Path> files = Files.list(ControlPlane.repoRoot().resolve("crds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions()
              .load(in).item();
          admin.apiextensions().v1().customResourceDefinitions().resource(crd)
              .fieldManager("decaybench-e2e").forceConflicts().serverSideApply();
          applied.add(admin.apiextensions().v1().customResourceDefinitions()
              .withName(crd.getMetadata().getName())
              .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
                  && c.getStatus().getConditions().stream().anyMatch(k -> "Established".equals(k.getType())
                      && "True".equals(k.getStatus())), 60, TimeUnit.SECONDS));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return applied;
  }
}
