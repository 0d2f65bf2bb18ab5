package dev.decaybench.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed CRDs (crds/*.yml at the repository root), created through the client. */
public final class Crds {

  private Crds() {}

  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("crds"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no crds/ directory above " + Path.of("").toAbsolutePath());
    }
    return dir.resolve("crds");
  }

  public static void install(KubernetesClient client) {
    try (Stream<Path> files = Files.list(directory())) {
      List<Path> yamls = files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
      for (Path f : yamls) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
              .load(in).item();
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
