package dev.decaybench.runner.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.Framework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The frameworks live in {@link Framework} and the constraints (and the variants' order) in
 * {@link ConstraintVariant}; everything else reads them. A second list in main code (a statement
 * that spells out three or more frameworks, or three or more constraints) fails here, in every
 * module, before it can drift from the first.
 */
class OneHomeForSuiteNamesTest {

  private static final Set<String> HOMES = Set.of("Framework.java", "ConstraintVariant.java");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z_]+)\"");

  @Test
  void noMainSourceListsTheFrameworksOrTheConstraintsAgain() throws IOException {
    Set<String> frameworks = new TreeSet<>(Framework.names());
    Set<String> constraints = new TreeSet<>(ConstraintVariant.TOKENS);
    List<String> secondLists = new ArrayList<>();
    for (Path file : mainSources()) {
      String[] statements = Files.readString(file).split("[;{}]");
      for (String statement : statements) {
        Set<String> f = literals(statement, frameworks);
        Set<String> c = literals(statement, constraints);
        if (f.size() >= 3 || c.size() >= 3) {
          secondLists.add(file.getFileName() + ": " + (f.size() >= 3 ? f : c));
        }
      }
    }
    assertThat(secondLists).as("lists of frameworks or constraints outside their home").isEmpty();
  }

  @Test
  void theCheckFindsASecondList() {
    assertThat(literals("List.of(\"flask\", \"koa\", \"hono\")", Set.copyOf(Framework.names())))
        .hasSize(3);
  }

  private static Set<String> literals(String statement, Set<String> names) {
    Set<String> found = new TreeSet<>();
    Matcher m = LITERAL.matcher(statement);
    while (m.find()) {
      if (names.contains(m.group(1))) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  private static List<Path> mainSources() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("crds"))) {
      root = root.getParent();
    }
    List<Path> out = new ArrayList<>();
    for (String module : List.of("operator/model", "operator/controller", "runner-image")) {
      try (Stream<Path> s = Files.walk(root.resolve(module).resolve("src/main/java"))) {
        s.filter(p -> p.toString().endsWith(".java"))
            .filter(p -> !HOMES.contains(p.getFileName().toString())).forEach(out::add);
      }
    }
    assertThat(out).hasSizeGreaterThan(100);
    return out;
  }
}
