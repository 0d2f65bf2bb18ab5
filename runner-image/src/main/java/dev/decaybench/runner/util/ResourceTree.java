package dev.decaybench.runner.util;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Copies a directory of class-path resources to disk, from a directory or from inside the jar. */
public final class ResourceTree {

  private ResourceTree() {}

  public static boolean exists(String resourceDir) {
    return ResourceTree.class.getClassLoader().getResource(resourceDir) != null;
  }

  /**
   * Synchronized: parallel trials copy from the same jar, and one thread closing the jar's zip
   * file system while another still reads it would cut that copy short.
   */
  public static void copy(String resourceDir, Path target) throws IOException {
    copy(ResourceTree.class.getClassLoader(), resourceDir, target);
  }

  /** As {@link #copy(String, Path)}, from another class loader's resources. */
  public static synchronized void copy(ClassLoader loader, String resourceDir, Path target)
      throws IOException {
    URL url = loader.getResource(resourceDir);
    if (url == null) {
      throw new IOException("resource directory " + resourceDir + " is not on the class path");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        // Opened only for this copy and closed after: a zip file system left open would make
        // later readers of the same jar (Cucumber's feature scan) fail.
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(fs.provider().getPath(uri), target);
        } catch (FileSystemAlreadyExistsException e) {
          // opened by someone else (not through this class): read it, leave it open
          copyTree(FileSystems.getFileSystem(uri).provider().getPath(uri), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
          if (dest.getFileName().toString().endsWith(".sh")) {
            dest.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
