package dev.decaybench.runner.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reference apps and broken variants (overlays of a reference app) as directories on disk. */
public final class TestApps {

  /**
   * The runner-image module: surefire runs the runner's tests there; the operator's tests, which
   * use this kit from the runner's test jar, run two levels down in operator/controller.
   */
  static final Path MODULE = runnerModule(Path.of("").toAbsolutePath());
  static final Path REFERENCE_APPS = MODULE.resolve("src/main/resources/reference-apps");
  static final Path VARIANTS = MODULE.resolveSibling("examples").resolve("broken-apps");

  public static final String FLASK = "flask-sqlalchemy-postgres";
  public static final String EXPRESS = "express-sequelize-postgres";
  public static final String FLASK_TASK = "flask-openapi-clean_architecture-postgres-sqlalchemy";
  public static final String EXPRESS_TASK = "express-openapi-clean_architecture-postgres-sequelize";

  private TestApps() {}

  private static Path runnerModule(Path cwd) {
    for (Path p = cwd; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("src/main/resources/reference-apps"))) {
        return p;
      }
      if (Files.isDirectory(p.resolve("runner-image/src/main/resources/reference-apps"))) {
        return p.resolve("runner-image");
      }
    }
    return cwd;
  }

  public static Path reference(String name) {
    return REFERENCE_APPS.resolve(name);
  }

  public static JsonNode variantInfo(String variant) throws IOException {
    return new ObjectMapper().readTree(VARIANTS.resolve(variant).resolve("variant.json").toFile());
  }

  public static List<String> variants() throws IOException {
    try (Stream<Path> s = Files.list(VARIANTS)) {
      return s.filter(p -> Files.exists(p.resolve("variant.json")))
          .map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The base app with the variant's files laid over it and its delete.txt applied. */
  public static Path materialize(String variant, Path into) throws IOException {
    Path overlay = VARIANTS.resolve(variant);
    String base = variantInfo(variant).path("base").asText();
    Path app = into.resolve(variant);
    Trees.copy(reference(base), app, Set.of("node_modules"));
    Trees.copy(overlay, app, Set.of());
    Files.deleteIfExists(app.resolve("variant.json"));
    Path deletions = app.resolve("delete.txt");
    if (Files.exists(deletions)) {
      for (String line : Files.readAllLines(deletions)) {
        if (!line.isBlank()) {
          Files.deleteIfExists(app.resolve(line.strip()));
        }
      }
      Files.delete(deletions);
    }
    return app;
  }

  public static String taskFor(String baseOrVariant) throws IOException {
    String base = baseOrVariant.startsWith("express") || baseOrVariant.equals(EXPRESS) ? EXPRESS : FLASK;
    return base.equals(EXPRESS) ? EXPRESS_TASK : FLASK_TASK;
  }
}
