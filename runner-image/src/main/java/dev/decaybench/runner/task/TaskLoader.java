package dev.decaybench.runner.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a task from a JSON file in the paper's format, or derives one from a task name such as
 * {@code flask-openapi-clean_architecture-postgres-sqlalchemy}; with neither, a generic task on
 * port 8080 whose set-up follows the app's manifest.
 */
public final class TaskLoader {

  private static final Set<String> NODE_FRAMEWORKS = Set.of("express", "koa", "fastify", "hono", "honojs");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskLoader() {}

  public static TaskDefinition load(String fileOrName, Path app) throws IOException {
    if (fileOrName == null) {
      return generic("custom", "unknown", app);
    }
    Path file = Path.of(fileOrName);
    if (fileOrName.endsWith(".json") || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("task file " + fileOrName + " does not exist");
      }
      return fromJson(JSON.readTree(file.toFile()), fileOrName);
    }
    return fromName(fileOrName, app);
  }

  static TaskDefinition fromJson(JsonNode root, String origin) {
    String name = root.path("name").asText(null);
    if (name == null || !root.has("repoMetadata")) {
      throw new IllegalArgumentException(origin + " is not a task definition: it needs \"name\" and"
          + " \"repoMetadata\" (see docs/result-format.md)");
    }
    JsonNode meta = root.path("repoMetadata");
    NameParts parts = NameParts.parse(name);
    return new TaskDefinition(name, parts.framework(), parts.constraints(),
        meta.path("port").asInt(8080),
        meta.path("baseUrl").asText("/api"),
        meta.path("healthcheckEndpoint").asText("/api/health-check"),
        strings(meta.path("setupCmds")),
        orDefault(strings(meta.path("runCmds")), List.of("./run.sh")));
  }

  static TaskDefinition fromName(String name, Path app) {
    NameParts parts = NameParts.parse(name);
    if (parts.framework().equals("unknown")) {
      throw new IllegalArgumentException("unknown task " + name + ": give a task JSON file or a name"
          + " like flask-openapi-clean_architecture-postgres-sqlalchemy");
    }
    TaskDefinition base = generic(name, parts.framework(), app);
    return base.withConstraints(parts.constraints());
  }

  private static TaskDefinition generic(String name, String framework, Path app) {
    boolean node = NODE_FRAMEWORKS.contains(framework)
        || (framework.equals("unknown") && app != null && Files.exists(app.resolve("package.json")));
    List<String> setup = node
        ? List.of("npm install --no-audit --no-fund --prefer-offline")
        : List.of();
    int port = NODE_FRAMEWORKS.contains(framework) ? 3000 : 8080;
    return new TaskDefinition(name, framework, List.of(), port, "/api", "/api/health-check",
        setup, List.of("./run.sh"));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> orDefault(List<String> list, List<String> fallback) {
    return list.isEmpty() ? fallback : list;
  }

  /** Framework and constraints encoded in a paper task name. */
  record NameParts(String framework, List<String> constraints) {
    static NameParts parse(String name) {
      String n = name.replaceFirst("^(uv|node)-", "");
      int idx = n.indexOf("-openapi");
      if (idx < 0) {
        return new NameParts("unknown", List.of());
      }
      String framework = n.substring(0, idx);
      String rest = n.substring(idx + "-openapi".length()).replaceFirst("^-", "");
      List<String> constraints = new ArrayList<>();
      for (String c : TaskDefinition.KNOWN_CONSTRAINTS) {
        if (("-" + rest + "-").contains("-" + c + "-")) {
          constraints.add(c);
        }
      }
      return new NameParts(framework, constraints);
    }
  }
}
