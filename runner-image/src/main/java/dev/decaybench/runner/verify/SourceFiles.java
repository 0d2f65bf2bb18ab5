package dev.decaybench.runner.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The app's own Python and JavaScript/TypeScript sources (dependencies and caches skipped). */
public record SourceFiles(Map<String, String> byPath) {

  static final Set<String> EXTENSIONS = Set.of(".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx");
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "__pycache__", ".venv",
      "venv", "dist", "build", "coverage", ".npm", ".cache");

  public static SourceFiles of(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (attrs.isRegularFile() && dot > 0 && EXTENSIONS.contains(name.substring(dot))
            && attrs.size() < 1_000_000) {
          files.put(root.relativize(file).toString().replace('\\', '/'),
              new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
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
