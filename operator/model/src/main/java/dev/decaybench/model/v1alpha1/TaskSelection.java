package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Map;

/**
 * Which tasks a run evaluates. Every list that is given narrows the selection, and an absent list
 * selects everything: a task is selected when its framework is in {@code frameworks}, its level
 * (L0..L3, the number of constraints) in {@code levels}, its variant in {@code variants} and its
 * name in {@code names}. {@code taskDirectory} replaces the built-in suite by a directory of task
 * files ({@code suite} then only names it). {@code repoDirectories} gives feature tasks a local
 * copy of their repository instead of fetching it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"suite", "frameworks", "levels", "variants", "names", "taskDirectory", "repoDirectories"})
public class TaskSelection {

  public static final String DEFAULT_SUITE = "constraint-decay";

  @Default(DEFAULT_SUITE)
  @JsonPropertyDescription("Task suite (default constraint-decay, built in).")
  private String suite;

  @JsonPropertyDescription("Frameworks to include (absent: all eight).")
  private List<Framework> frameworks;

  @JsonPropertyDescription("Constraint levels 0..3 to include (absent: all).")
  private List<@Min(0) @Max(3) Integer> levels;

  @JsonPropertyDescription("Constraint variants to include, e.g. unconstrained or"
      + " clean_architecture-postgres-sqlalchemy (absent: all).")
  private List<String> variants;

  @JsonPropertyDescription("Explicit task names to include.")
  private List<String> names;

  @JsonPropertyDescription("Directory of a custom suite's task files (local runs, or a path in"
      + " the runner image).")
  private String taskDirectory;

  @JsonPropertyDescription("Feature tasks: local stand-ins for their repositories, from the"
      + " repository's URL or short name (realworld-flask) to a directory: a git repository (a"
      + " mirror) or a plain directory taken as the repository at the task's commit. Relative to"
      + " the manifest locally, a path in the runner image on a cluster.")
  private Map<String, String> repoDirectories;

  public TaskSelection() {}

  /** What both planners say when the filters leave no task. */
  public static final String NOTHING_SELECTED = "spec.tasks selects no task: check frameworks,"
      + " levels, variants and names (they must all hold at once)";

  /**
   * Whether a task with these coordinates is selected: every filter that is given must hold (a
   * null level or variant, as for a task outside the built-in suite, fails a level or variant
   * filter). The one rule for the CLI's planner and the operator's.
   */
  public boolean selects(String framework, Integer level, String variant, String name) {
    return (absent(frameworks) || frameworks.stream().map(Framework::value).anyMatch(
            f -> f.equals(framework)))
        && (absent(levels) || levels.contains(level))
        && (absent(variants) || variants.contains(variant))
        && (absent(names) || names.contains(name));
  }

  private static boolean absent(List<?> list) {
    return list == null || list.isEmpty();
  }

  /** Fills {@code suite} when absent. */
  public TaskSelection applyDefaults() {
    if (suite == null) {
      suite = DEFAULT_SUITE;
    }
    return this;
  }

  public String getSuite() {
    return suite;
  }

  public void setSuite(String suite) {
    this.suite = suite;
  }

  public List<Framework> getFrameworks() {
    return frameworks;
  }

  public void setFrameworks(List<Framework> frameworks) {
    this.frameworks = frameworks;
  }

  public List<Integer> getLevels() {
    return levels;
  }

  public void setLevels(List<Integer> levels) {
    this.levels = levels;
  }

  public List<String> getVariants() {
    return variants;
  }

  public void setVariants(List<String> variants) {
    this.variants = variants;
  }

  public List<String> getNames() {
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names;
  }

  public String getTaskDirectory() {
    return taskDirectory;
  }

  public void setTaskDirectory(String taskDirectory) {
    this.taskDirectory = taskDirectory;
  }

  public Map<String, String> getRepoDirectories() {
    return repoDirectories;
  }

  public void setRepoDirectories(Map<String, String> repoDirectories) {
    this.repoDirectories = repoDirectories;
  }
}
