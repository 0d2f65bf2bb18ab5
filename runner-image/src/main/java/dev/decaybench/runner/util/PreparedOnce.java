package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * First-use preparation of a directory in the cache (PostgreSQL binaries, the template data
 * directory): built once, by one thread of one process, and published only when complete.
 *
 * <p>A {@link FileLock} belongs to the whole JVM, so a second thread asking for it gets
 * {@code OverlappingFileLockException} instead of waiting: threads first queue on a JVM-wide lock
 * per target, then one of them takes the file lock that orders processes. The result is built in
 * a staging directory and renamed into place, so a preparation that failed or was killed leaves
 * only staging debris, which the next preparer removes, never a half-built cache entry.
 */
public final class PreparedOnce {

  /** Builds the entry into an empty staging directory. */
  @FunctionalInterface
  public interface Builder {
    void build(Path staging) throws IOException;
  }

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  private static final String STAGING = ".staging-";

  private PreparedOnce() {}

  /**
   * Returns {@code target}, building it first when {@code ready} does not hold for it. Safe to
   * call from any number of threads and processes at once.
   */
  public static Path ensure(Path target, Predicate<Path> ready, Builder builder) throws IOException {
    if (ready.test(target)) {
      return target;
    }
    Path key = target.toAbsolutePath().normalize();
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    local.lock();
    try {
      Path parent = key.getParent();
      Files.createDirectories(parent);
      Path lockFile = parent.resolve(key.getFileName() + ".lock");
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           FileLock ignored = ch.lock()) {
        if (!ready.test(key)) {
          build(key, builder);
        }
      }
    } finally {
      local.unlock();
    }
    return target;
  }

  private static void build(Path target, Builder builder) throws IOException {
    String prefix = STAGING + target.getFileName() + "-";
    // We hold both locks: any staging directory of this target belongs to a preparer that died.
    removeDebris(target.getParent(), prefix);
    Trees.deleteQuietly(target);
    Path staging = Files.createTempDirectory(target.getParent(), prefix);
    try {
      builder.build(staging);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Trees.deleteQuietly(staging);
    }
  }

  private static void removeDebris(Path parent, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(parent)) {
      s.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(Trees::deleteQuietly);
    }
  }
}
