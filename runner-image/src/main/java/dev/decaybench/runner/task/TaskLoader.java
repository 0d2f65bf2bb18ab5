package dev.decaybench.runner.task;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a task: a JSON file in decaybench's format or the paper's, a built-in task name
 * ({@code flask-openapi-clean_architecture-postgres-sqlalchemy}), or nothing (a generic task on
 * port 8080 whose set-up follows the app's manifest).
 */
public final class TaskLoader {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private TaskLoader() {}

  public static TaskDefinition load(String fileOrName, Path app) throws IOException {
    if (fileOrName == null) {
      return generic(app);
    }
    Path file = Path.of(fileOrName);
    if (fileOrName.endsWith(".json") || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("task file " + fileOrName + " does not exist");
      }
      return fromJson(JSON.readTree(file.toFile()), fileOrName);
    }
    return TaskCatalog.byName(fileOrName).orElseThrow(() -> new IllegalArgumentException(
        "unknown task " + fileOrName + ": give a task JSON file or a built-in name such as "
            + "flask-openapi-clean_architecture-postgres-sqlalchemy (decaybench tasks list)"));
  }

  public static TaskDefinition fromJson(JsonNode root, String origin) throws IOException {
    if (root.has("repoMetadata")) {
      return fromPaperFormat(root, origin);
    }
    if (!root.hasNonNull("name") || !root.has("runCmds")) {
      throw new IllegalArgumentException(origin + " is not a task definition: it needs \"name\" and"
          + " \"runCmds\" (decaybench format, docs/task-format.md) or \"repoMetadata\" (the paper's)");
    }
    TaskDefinition t = JSON.treeToValue(root, TaskDefinition.class);
    for (String c : t.constraints()) {
      if (!TaskDefinition.KNOWN_CONSTRAINTS.contains(c)) {
        throw new IllegalArgumentException(origin + ": unknown constraint '" + c + "'");
      }
    }
    return t;
  }

  /** The paper's task JSON: framework and constraints come from its name. */
  static TaskDefinition fromPaperFormat(JsonNode root, String origin) {
    String name = root.path("name").asText(null);
    if (name == null) {
      throw new IllegalArgumentException(origin + ": the task has no \"name\"");
    }
    JsonNode meta = root.path("repoMetadata");
    String family = root.path("dockerFolder").asText("");
    String framework = frameworkOf(name, family);
    List<String> constraints = constraintsOf(name);
    String repoUrl = meta.path("repoUrl").asText("");
    TaskDefinition.Repo repo = repoUrl.isEmpty() ? null : new TaskDefinition.Repo(repoUrl,
        meta.path("repoCommit").asText(null), root.path("patch").asText(null));
    if (repo != null && !family.isEmpty() && !name.startsWith(family + "-")) {
      name = family + "-" + name;  // feature tasks reuse names across frameworks
    }
    return new TaskDefinition(name, repo == null ? TaskCatalog.SUITE : "constraint-decay-features",
        framework, constraints, meta.path("port").asInt(8080), meta.path("baseUrl").asText("/api"),
        meta.path("healthcheckEndpoint").asText("/api/health-check"),
        strings(meta.path("setupCmds")), orDefault(strings(meta.path("runCmds")), List.of("./run.sh")),
        repo, root.path("prompt").asText(null));
  }

  private static String frameworkOf(String name, String family) {
    String first = name.split("-")[0];
    if (Frameworks.known(first)) {
      return Frameworks.byId(first).id();
    }
    return Frameworks.known(family) ? Frameworks.byId(family).id() : "unknown";
  }

  private static List<String> constraintsOf(String name) {
    int idx = name.indexOf("-openapi");
    if (idx < 0) {
      return List.of();
    }
    String rest = "-" + name.substring(idx + "-openapi".length()) + "-";
    return TaskDefinition.KNOWN_CONSTRAINTS.stream().filter(c -> rest.contains("-" + c + "-")).toList();
  }

  private static TaskDefinition generic(Path app) {
    boolean node = app != null && Files.exists(app.resolve("package.json"));
    return new TaskDefinition("custom", null, node ? "node" : "unknown", List.of(), 8080, "/api",
        "/api/health-check",
        node ? List.of("npm install --no-audit --no-fund --prefer-offline") : List.of(),
        List.of("./run.sh"), null, null);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> orDefault(List<String> list, List<String> fallback) {
    return list.isEmpty() ? fallback : list;
  }
}
