package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Visits the regular files of an app's tree, skipping dependency and cache directories by name
 * and files that cannot be read: what the verifiers and the footprint probe all need.
 */
public final class TreeWalk {

  /**
   * Directories that hold dependencies, caches or VCS data, never the agent's own code
   * ({@code .python-packages}: where set-up installs requirements.txt, PythonPackages.TARGET).
   */
  public static final Set<String> NOT_APP_CODE = Set.of(".git", "node_modules", "__pycache__",
      ".venv", "venv", ".pytest_cache", ".mypy_cache", ".npm", ".cache", ".python-packages");

  /** Receives each regular file with its path relative to the root ('/'-separated). */
  @FunctionalInterface
  public interface FileHandler {
    void accept(Path file, String relative, BasicFileAttributes attrs) throws IOException;
  }

  private TreeWalk() {}

  public static void files(Path root, Set<String> skipDirs, FileHandler handler) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return !dir.equals(root) && skipDirs.contains(dir.getFileName().toString())
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isRegularFile()) {
          handler.accept(file, root.relativize(file).toString().replace('\\', '/'), attrs);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
