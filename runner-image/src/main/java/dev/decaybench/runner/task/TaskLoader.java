package dev.decaybench.runner.task;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * ({@code flask-openapi-clean_architecture-postgres-sqlalchemy}), or nothing (a custom task whose
 * port and set-up follow the app's family). Mistakes are {@link TaskException}s naming the file.
 */
public final class TaskLoader {

  /** Made on the first task file: a built-in task by name needs no JSON reader (a cold one costs ~0.1 s). */
  private static final class Reader {
    static final ObjectMapper JSON = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  }

  /** The suite name of the paper's feature tasks (an existing repository with a feature removed). */
  public static final String FEATURE_SUITE = "constraint-decay-features";

  private TaskLoader() {}

  public static TaskDefinition load(String fileOrName, Path app) throws IOException {
    if (fileOrName == null) {
      return generic(app);
    }
    Path file = Path.of(fileOrName);
    if (fileOrName.endsWith(".json") || Files.isRegularFile(file)) {
      if (!Files.isRegularFile(file)) {
        throw new TaskException("task file " + fileOrName + " does not exist");
      }
      JsonNode root;
      try {
        root = Reader.JSON.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        throw TaskFileErrors.explain(e, fileOrName);
      }
      return withPatchBeside(fromJson(root, fileOrName), file);
    }
    return TaskCatalog.byName(fileOrName).orElseThrow(() -> new TaskException(
        "unknown task " + fileOrName + ": give a task JSON file or a built-in name such as "
            + "flask-openapi-clean_architecture-postgres-sqlalchemy (decaybench tasks list)"));
  }

  public static TaskDefinition fromJson(JsonNode root, String origin) throws IOException {
    if (root.has("repoMetadata")) {
      return fromPaperFormat(root, origin);
    }
    if (root == null || !root.isObject()) {
      throw new TaskException(origin + " is not a task definition: it holds no JSON object");
    }
    if (!root.hasNonNull("name") || !root.has("runCmds")) {
      throw new TaskException(origin + " is not a task definition: it needs \"name\" and"
          + " \"runCmds\" (decaybench format, docs/task-format.md) or \"repoMetadata\" (the paper's)");
    }
    TaskDefinition t;
    try {
      t = Reader.JSON.treeToValue(root, TaskDefinition.class);
    } catch (JsonProcessingException e) {
      throw TaskFileErrors.explain(e, origin);
    }
    for (String c : t.constraints()) {
      if (!TaskDefinition.KNOWN_CONSTRAINTS.contains(c)) {
        throw new TaskException(origin + ": unknown constraint '" + c + "' (known: "
            + String.join(", ", TaskDefinition.KNOWN_CONSTRAINTS) + ")");
      }
    }
    if (t.framework() != null && !Frameworks.known(t.framework())) {
      throw new TaskException(origin + ": unknown framework '" + t.framework() + "' (known: "
          + String.join(", ", Frameworks.ids()) + ")");
    }
    return t;
  }

  /** The paper's task JSON: framework and constraints come from its name. */
  static TaskDefinition fromPaperFormat(JsonNode root, String origin) {
    String name = root.path("name").asText(null);
    if (name == null) {
      throw new TaskException(origin + ": the task has no \"name\"");
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
    List<String> setup = strings(meta.path("setupCmds"));
    List<String> run = orDefault(strings(meta.path("runCmds")), List.of("./run.sh"));
    String packages = null;
    if (repo != null) {
      boolean node = Frameworks.known(framework) ? Frameworks.byId(framework).node() : family.equals("node");
      PythonPackages source = node ? null : PythonPackages.current();  // a Node task never asks
      packages = node ? null : source.source();
      run = FeatureCommands.run(setup, run);
      setup = FeatureCommands.setup(node, source);
    }
    return new TaskDefinition(name, repo == null ? TaskCatalog.SUITE : FEATURE_SUITE,
        framework, constraints, meta.path("port").asInt(8080), meta.path("baseUrl").asText("/api"),
        meta.path("healthcheckEndpoint").asText("/api/health-check"), setup, run,
        repo, root.path("prompt").asText(null), packages, repo == null ? null : UpstreamEnvironments.of(repoUrl));
  }

  /** A task file's removal patch is found beside it: its name becomes that file's absolute path. */
  static TaskDefinition withPatchBeside(TaskDefinition t, Path taskFile) {
    if (t.repo() == null || t.repo().patch() == null || Path.of(t.repo().patch()).isAbsolute()) {
      return t;
    }
    Path dir = taskFile.toAbsolutePath().getParent();
    return t.withRepo(new TaskDefinition.Repo(t.repo().url(), t.repo().commit(),
        dir.resolve(t.repo().patch()).normalize().toString()));
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

  /**
   * No task given: a custom app. Its family gives the defaults a built-in task of that family
   * has: Node (a package.json) listens on 3000 after {@code npm install}; anything else is taken
   * for Python on 8080 with no install; both make {@code run.sh} executable, as built-in tasks do.
   */
  private static TaskDefinition generic(Path app) {
    boolean node = app != null && Files.exists(app.resolve("package.json"));
    Frameworks.Framework family = new Frameworks.Framework(node ? "node" : "unknown", "custom",
        node ? dev.decaybench.model.v1alpha1.Framework.NODE_FAMILY
            : dev.decaybench.model.v1alpha1.Framework.PYTHON_FAMILY);
    return new TaskDefinition("custom", null, family.id(), List.of(), family.port(), "/api",
        "/api/health-check", family.setupCmds(PythonPackages.system("a custom app: its own set-up decides")),
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
