package dev.decaybench.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend on each other in one direction only, in the model, the engine and the
 * operator: a cycle (engine -> sandbox -> engine) means two packages that cannot change apart.
 * Dependencies are read from the imports of the main sources.
 */
class NoPackageCyclesTest {

  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile(
      "^import (?:static )?(dev\\.decaybench(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void mainPackagesFormNoCycle() throws IOException {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String module : List.of("operator/model", "operator/controller", "runner-image")) {
      try (Stream<Path> s = Files.walk(root().resolve(module).resolve("src/main/java"))) {
        for (Path file : s.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          Matcher pkg = PACKAGE.matcher(text);
          if (!pkg.find()) {
            continue;
          }
          Set<String> deps = edges.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
          Matcher imp = IMPORT.matcher(text);
          while (imp.find()) {
            if (!imp.group(1).equals(pkg.group(1))) {
              deps.add(imp.group(1));
            }
          }
        }
      }
    }
    assertThat(edges).hasSizeGreaterThan(20);
    assertThat(cycles(edges)).as("package cycles (each a set of packages that import each other)")
        .isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
        .containsExactly(Set.of("a", "b", "c"));
  }

  /** Tarjan's strongly connected components with more than one package. */
  static List<Set<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new HashSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, edges, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, edges, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  private static Path root() {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(root.resolve("crds"))) {
      root = root.getParent();
    }
    return root;
  }
}
