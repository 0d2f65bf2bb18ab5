package dev.decaybench.runner.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.decaybench.runner.util.TreeWalk;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The app's own Python and JavaScript/TypeScript sources (dependencies and caches skipped). */
public record SourceFiles(Map<String, String> byPath) {

  static final Set<String> EXTENSIONS = Set.of(".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx");
  private static final Set<String> SKIPPED = union(TreeWalk.NOT_APP_CODE, Set.of("dist", "build", "coverage"));

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return Set.copyOf(u);
  }

  public static SourceFiles of(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    TreeWalk.files(root, SKIPPED, (file, rel, attrs) -> {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      if (dot > 0 && EXTENSIONS.contains(name.substring(dot)) && attrs.size() < 1_000_000) {
        files.put(rel, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    });
    return new SourceFiles(files);
  }

  static boolean isPython(String path) {
    return path.endsWith(".py");
  }

  /** 1-based line number of a character offset. */
  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
