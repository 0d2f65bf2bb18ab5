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

  /** The committed CRDs, parsed (by file name order). */
  public static List<CustomResourceDefinition> load(KubernetesClient client) {
    try (Stream<Path> files = Files.list(directory())) {
      List<CustomResourceDefinition> crds = new java.util.ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          crds.add(client.apiextensions().v1().customResourceDefinitions().load(in).item());
        }
      }
      return crds;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void install(KubernetesClient client) {
    for (CustomResourceDefinition crd : load(client)) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
  }
}
