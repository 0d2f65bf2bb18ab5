package dev.decaybench.runner.task;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.Framework;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The built-in {@code constraint-decay} suite: 8 frameworks x 10 constraint variants (L0-L3),
 * with prompts assembled from the sections under {@code resources/tasks/prompts}.
 */
public final class TaskCatalog {

  public static final String SUITE = "constraint-decay";

  private TaskCatalog() {}

  /** The suite with this process's Python package source ({@link PythonPackages#current()}). */
  public static List<TaskDefinition> all() {
    return all(PythonPackages.current());
  }

  public static List<TaskDefinition> all(PythonPackages packages) {
    return list().stream().map(e -> task(e.framework(), e.constraints(), packages))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /**
   * A Node task never resolves Python's package source: in {@code auto} that starts pip and asks
   * the index, about 1.5 s before a Node evaluation could begin.
   */
  public static Optional<TaskDefinition> byName(String name) {
    return byName(name, PythonPackages::current);
  }

  /** @param packages asked only when the task is a Python one */
  static Optional<TaskDefinition> byName(String name, Supplier<PythonPackages> packages) {
    return entry(name).map(e -> task(e.framework(), e.constraints(),
        e.framework().node() ? null : packages.get()));
  }

  /** Builds only the task asked for: a prompt embeds the whole contract, 100 of them take a while. */
  public static Optional<TaskDefinition> byName(String name, PythonPackages packages) {
    return byName(name, () -> packages);
  }

  private static Optional<Entry> entry(String name) {
    String n = name.replaceFirst("^(uv|node)-", "");
    return list().stream().filter(e -> e.name().equals(n)).findFirst();
  }

  /** A framework's variants in the catalogue, in its order: {@code unconstrained}, {@code clean_architecture}, ... */
  public static List<String> variantNames(String framework) {
    return list().stream().filter(e -> e.framework().id().equals(framework))
        .map(e -> TaskDefinition.variantOf(e.constraints())).toList();
  }

  /**
   * The catalogue's tasks by name, framework and constraints, in its order: what a listing
   * shows, without building 80 prompts or resolving Python's package source (which in
   * {@code auto} starts pip and asks the index).
   */
  public static List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (Frameworks.Framework f : Frameworks.ALL) {
      for (ConstraintVariant v : ConstraintVariant.allFor(Framework.fromValue(f.id()).orElseThrow())) {
        out.add(new Entry(f, v.tokens()));
      }
    }
    return out;
  }

  /** One task of the catalogue before its prompt is built: a framework and the constraints. */
  public record Entry(Frameworks.Framework framework, List<String> constraints) {
    public String name() {
      return framework.id() + "-openapi-" + TaskDefinition.variantOf(constraints);
    }

    public int level() {
      return constraints.size();
    }
  }

  /** @param packages Python's package source; unused (may be null) for a Node framework */
  static TaskDefinition task(Frameworks.Framework f, List<String> constraints, PythonPackages packages) {
    return new TaskDefinition(new Entry(f, constraints).name(), SUITE, f.id(), constraints, f.port(),
        "/api", "/api/health-check", f.setupCmds(packages), f.runCmds(packages), null,
        prompt(f, constraints, packages), f.node() ? null : packages.source());
  }

  static String prompt(Frameworks.Framework f, List<String> constraints, PythonPackages packages) {
    StringBuilder p = new StringBuilder(section("intro")).append('\n');
    p.append(f.node() ? section("requirements-node") : section("requirements-python")
        .replace("{{PYTHON_PACKAGES}}", section("packages-" + packages.source()).strip())).append('\n');
    if (constraints.contains("clean_architecture")) {
      p.append(section("architecture")).append('\n');
    }
    if (constraints.contains("postgres")) {
      p.append(section("database-postgres")).append('\n');
    } else if (constraints.contains("sqlite")) {
      p.append(section("database-sqlite")).append('\n');
    } else {
      p.append(section("database-free")).append('\n');
    }
    if (constraints.contains(f.orm())) {
      p.append(section("orm-" + f.orm())).append('\n');
    }
    p.append(section("contract").replace("{{OPENAPI}}", resource("tasks/openapi.yml").strip()));
    return p.toString()
        .replace("{{FRAMEWORK_TITLE}}", f.title())
        .replace("{{PORT}}", Integer.toString(f.port()))
        .replace("{{PYTHON_VERSION}}", "3.11");
  }

  private static String section(String name) {
    return resource("tasks/prompts/" + name + ".md");
  }

  /** Read once per process: every prompt repeats the same sections and the contract. */
  private static String resource(String path) {
    return RESOURCES.computeIfAbsent(path, TaskCatalog::read);
  }

  private static final Map<String, String> RESOURCES = new ConcurrentHashMap<>();

  private static String read(String path) {
    try (InputStream in = TaskCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
