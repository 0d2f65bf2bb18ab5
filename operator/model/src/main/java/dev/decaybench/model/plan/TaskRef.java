package dev.decaybench.model.plan;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.Framework;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task as the planner sees it: its name and where it sits in the suite (framework, variant,
 * level), all read from the name alone, so the CLI (which has the task's definition) and the
 * operator (which has only its name) select exactly the same tasks. A name that is no built-in
 * task ({@code <framework>-openapi-<variant>}) has no variant or level, and its framework is the
 * one it starts with, if any.
 */
public record TaskRef(String name, Framework framework, String variant, Integer level) {

  private static final Pattern BUILT_IN_NAME = Pattern.compile("([a-z]+)-openapi-([a-z_-]+)");

  /** The built-in suite in its order: frameworks in suite order, each one's variants in order. */
  public static List<TaskRef> builtInSuite() {
    List<TaskRef> out = new ArrayList<>();
    for (Framework f : Framework.values()) {
      for (ConstraintVariant v : ConstraintVariant.allFor(f)) {
        out.add(new TaskRef(f.value() + "-openapi-" + v.name(), f, v.name(), v.level()));
      }
    }
    return out;
  }

  /** What the name tells: a built-in task's place, else only the framework it starts with. */
  public static TaskRef of(String name) {
    return parseBuiltIn(name).orElseGet(() -> new TaskRef(name, frameworkPrefix(name), null,
        null));
  }

  /** Framework, variant and level of a built-in task name, when it is one. */
  public static Optional<TaskRef> parseBuiltIn(String name) {
    Matcher m = BUILT_IN_NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Framework> fw = Framework.fromValue(m.group(1));
    if (fw.isEmpty()) {
      return Optional.empty();
    }
    try {
      ConstraintVariant v = ConstraintVariant.parse(m.group(2));
      if (!v.name().equals(m.group(2)) || !v.appliesTo(fw.get())) {
        return Optional.empty();
      }
      return Optional.of(new TaskRef(name, fw.get(), v.name(), v.level()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The framework a custom task's name starts with, e.g. a feature task's
   * ({@code express-hard-focused-task-001}; the paper's {@code honojs} is hono); null when none.
   */
  static Framework frameworkPrefix(String name) {
    String first = name.split("-")[0];
    return Framework.fromValue(first.equals("honojs") ? "hono" : first).orElse(null);
  }
}
