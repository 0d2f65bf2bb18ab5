package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where decaybench keeps what it prepares once (PostgreSQL binaries, the template data
 * directory). As root this must be outside /root, since PostgreSQL runs as {@code nobody} and
 * has to reach its binaries.
 */
public final class CacheDirs {

  private CacheDirs() {}

  public static Path root() throws IOException {
    String override = System.getenv("DECAYBENCH_CACHE");
    Path dir;
    if (override != null && !override.isBlank()) {
      dir = Path.of(override);
    } else if (RunAs.isRoot()) {
      dir = Path.of("/var/tmp/decaybench-cache");
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
          .resolve("decaybench");
    }
    Files.createDirectories(dir);
    if (RunAs.isRoot()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return dir;
  }

  /**
   * Scratch space for per-trial data: {@code DECAYBENCH_SCRATCH} when set (a pod's sized
   * emptyDir), else memory-backed /dev/shm when it is there and writable, so a throw-away
   * database never touches the disk.
   */
  public static Path scratch() {
    String configured = System.getenv("DECAYBENCH_SCRATCH");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm;
    }
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
