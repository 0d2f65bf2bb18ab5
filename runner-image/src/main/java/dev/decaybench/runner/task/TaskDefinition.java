package dev.decaybench.runner.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A task in decaybench's own format (docs/task-format.md): what the agent is asked to build and
 * how the evaluator sets up, starts and reaches the result. The paper's task JSON is read into
 * the same shape. {@code pythonPackages} is set on built-in Python tasks only: {@code index} or
 * {@code system}, where their packages come from ({@link PythonPackages}). {@code env} is extra
 * environment of the set-up and run commands, for repositories that read their own variables
 * (a feature task's upstream); decaybench's own (PORT, DB_*, DATABASE_URL) take precedence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// level is written for the reader and recomputed from the constraints when read
@JsonIgnoreProperties(value = "level", allowGetters = true)
@JsonPropertyOrder({"name", "suite", "framework", "constraints", "level", "port", "baseUrl",
    "healthcheckEndpoint", "setupCmds", "runCmds", "env", "pythonPackages", "repo", "prompt"})
public record TaskDefinition(
    String name,
    String suite,
    String framework,
    List<String> constraints,
    int port,
    String baseUrl,
    String healthcheckEndpoint,
    List<String> setupCmds,
    List<String> runCmds,
    Repo repo,
    String prompt,
    String pythonPackages,
    Map<String, String> env) {

  /** For feature tasks: the repository the agent starts from (the paper's removal patch is named, not included). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Repo(String url, String commit, String patch) {}

  /** A task without a package choice: every non-Python task, and Python tasks from files. */
  public TaskDefinition(String name, String suite, String framework, List<String> constraints, int port,
      String baseUrl, String healthcheckEndpoint, List<String> setupCmds, List<String> runCmds,
      Repo repo, String prompt) {
    this(name, suite, framework, constraints, port, baseUrl, healthcheckEndpoint, setupCmds, runCmds,
        repo, prompt, null);
  }

  /** A task without environment of its own (every built-in task). */
  public TaskDefinition(String name, String suite, String framework, List<String> constraints, int port,
      String baseUrl, String healthcheckEndpoint, List<String> setupCmds, List<String> runCmds,
      Repo repo, String prompt, String pythonPackages) {
    this(name, suite, framework, constraints, port, baseUrl, healthcheckEndpoint, setupCmds, runCmds,
        repo, prompt, pythonPackages, null);
  }

  /** The same task starting from another repository (its removal patch found elsewhere). */
  public TaskDefinition withRepo(Repo newRepo) {
    return new TaskDefinition(name, suite, framework, constraints, port, baseUrl, healthcheckEndpoint,
        setupCmds, runCmds, newRepo, prompt, pythonPackages, env);
  }

  /** Fills what a hand-written task file may leave out. */
  public TaskDefinition {
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    port = port == 0 ? 8080 : port;
    baseUrl = baseUrl == null ? "/api" : baseUrl;
    healthcheckEndpoint = healthcheckEndpoint == null ? "/api/health-check" : healthcheckEndpoint;
    setupCmds = setupCmds == null ? List.of() : List.copyOf(setupCmds);
    runCmds = runCmds == null || runCmds.isEmpty() ? List.of("./run.sh") : List.copyOf(runCmds);
    env = env == null || env.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
  }

  public static final List<String> KNOWN_CONSTRAINTS =
      dev.decaybench.model.v1alpha1.ConstraintVariant.TOKENS;

  /** The paper's level: how many constraints the prompt imposes (0..3). */
  @JsonProperty("level")
  public int level() {
    return constraints.size();
  }

  /** The constraint part of the name: {@code clean_architecture-postgres} or {@code unconstrained}. */
  @JsonIgnore
  public String variant() {
    return variantOf(constraints);
  }

  /** The constraint part of a task's name for these constraints. */
  public static String variantOf(List<String> constraints) {
    return constraints.isEmpty() ? "unconstrained" : String.join("-", constraints);
  }

  @JsonIgnore
  public String runCommand() {
    return String.join(" && ", runCmds);
  }
}
