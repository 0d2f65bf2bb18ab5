package dev.decaybench.model.manifest;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The task-selection part of a run's validation: frameworks, levels, variants, names. */
final class TaskSelectionCheck {

  private TaskSelectionCheck() {}

  static void check(TaskSelection tasks, List<String> problems) {
    if (tasks == null) {
      return; // defaults: the whole built-in suite
    }
    String suite = tasks.getSuite();
    boolean custom = tasks.getTaskDirectory() != null;
    if (suite != null && suite.isBlank()) {
      problems.add("spec.tasks.suite: must not be empty (omit it for "
          + TaskSelection.DEFAULT_SUITE + ")");
    } else if (suite != null && !custom && !suite.equals(TaskSelection.DEFAULT_SUITE)) {
      problems.add("spec.tasks.suite: unknown suite '" + suite + "' (built in: "
          + TaskSelection.DEFAULT_SUITE + "; set spec.tasks.taskDirectory for a custom suite)"
          + Names.didYouMean(suite, List.of(TaskSelection.DEFAULT_SUITE)));
    }
    if (custom) {
      ManifestValidator.notBlank("spec.tasks.taskDirectory", tasks.getTaskDirectory(), problems, false);
    }
    if (tasks.getRepoDirectories() != null) {
      tasks.getRepoDirectories().forEach((name, dir) -> {
        if (name == null || name.isBlank() || dir == null || dir.isBlank()) {
          problems.add("spec.tasks.repoDirectories: '" + name + "' needs a repository URL or short"
              + " name and a directory (got '" + dir + "')");
        }
      });
    }

    Set<Framework> frameworks = EnumSet.noneOf(Framework.class);
    List<Framework> fw = tasks.getFrameworks();
    if (fw != null) {
      ManifestValidator.notEmptyList("spec.tasks.frameworks", fw, "frameworks", problems);
      for (int i = 0; i < fw.size(); i++) {
        Framework f = fw.get(i);
        if (f != null && !frameworks.add(f)) {
          problems.add("spec.tasks.frameworks[" + i + "]: duplicate framework '" + f + "'");
        }
      }
    }

    Set<Integer> levels = new HashSet<>();
    List<Integer> lv = tasks.getLevels();
    if (lv != null) {
      ManifestValidator.notEmptyList("spec.tasks.levels", lv, "levels", problems);
      for (int i = 0; i < lv.size(); i++) {
        Integer level = lv.get(i);
        if (level == null) {
          problems.add("spec.tasks.levels[" + i + "]: must be a level 0..3");
        } else if (level < 0 || level > ConstraintVariant.MAX_LEVEL) {
          problems.add("spec.tasks.levels[" + i + "]: level " + level + " is out of range 0.."
              + ConstraintVariant.MAX_LEVEL);
        } else if (!levels.add(level)) {
          problems.add("spec.tasks.levels[" + i + "]: duplicate level " + level);
        }
      }
    }

    List<String> vs = tasks.getVariants();
    if (vs != null) {
      ManifestValidator.notEmptyList("spec.tasks.variants", vs, "variants", problems);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < vs.size(); i++) {
        String path = "spec.tasks.variants[" + i + "]";
        String v = vs.get(i);
        if (v == null || v.isBlank()) {
          problems.add(path + ": must not be empty");
          continue;
        }
        if (!seen.add(v)) {
          problems.add(path + ": duplicate variant '" + v + "'");
          continue;
        }
        if (custom) {
          if (!ManifestValidator.VARIANT_NAME.matcher(v).matches()) {
            problems.add(path + ": '" + v + "' is not a variant name (lowercase words joined by"
                + " '-')");
          }
          continue;
        }
        checkBuiltInVariant(path, v, frameworks, levels, problems);
      }
    }

    List<String> names = tasks.getNames();
    if (names != null) {
      ManifestValidator.notEmptyList("spec.tasks.names", names, "task names", problems);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        String path = "spec.tasks.names[" + i + "]";
        if (n == null || n.isBlank()) {
          problems.add(path + ": must not be empty");
        } else if (!ManifestValidator.TASK_NAME.matcher(n).matches()) {
          problems.add(path + ": '" + n + "' is not a task name (letters, digits, '.', '_' and"
              + " '-')");
        } else if (!seen.add(n)) {
          problems.add(path + ": duplicate task '" + n + "'");
        }
      }
    }
  }

  private static void checkBuiltInVariant(String path, String name, Set<Framework> frameworks,
      Set<Integer> levels, List<String> problems) {
    ConstraintVariant variant;
    try {
      variant = ConstraintVariant.parse(name);
    } catch (IllegalArgumentException e) {
      problems.add(path + ": '" + name + "' is not a constraint variant: " + e.getMessage());
      return;
    }
    if (!variant.name().equals(name)) {
      problems.add(path + ": write '" + variant.name() + "' (constraints in the order"
          + " clean_architecture, database, ORM), not '" + name + "'");
      return;
    }
    if (!levels.isEmpty() && !levels.contains(variant.level())) {
      problems.add(path + ": '" + name + "' is level " + variant.level()
          + ", which spec.tasks.levels " + levels.stream().sorted().toList()
          + " excludes, so it selects no task");
    }
    if (!frameworks.isEmpty() && frameworks.stream().noneMatch(variant::appliesTo)) {
      List<String> matching = EnumSet.allOf(Framework.class).stream()
          .filter(variant::appliesTo).map(Framework::value).toList();
      problems.add(path + ": '" + name + "' exists only for " + String.join(", ", matching)
          + ", none of which spec.tasks.frameworks selects");
    }
  }

  // ---- the rest ----
}
