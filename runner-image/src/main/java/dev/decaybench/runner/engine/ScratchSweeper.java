package dev.decaybench.runner.engine;

import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Scratch directories carry the pid of the process that owns them, so one killed with -9 (no
 * finally, no shutdown hook) is removed by the next evaluation instead of filling /dev/shm.
 */
final class ScratchSweeper {

  static final String PREFIX = "decaybench-trial-";
  private static final String OWNER = "owner.pid";
  private static final FileAttribute<?> ONLY_OURS =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private ScratchSweeper() {}

  /**
   * A new scratch directory under {@code parent}, only ours (0700), claimed by this process.
   * Not Files.createTempDirectory: its name comes from SecureRandom, whose first use in a cold
   * JVM costs 15-35 ms before a trial can start; mkdir refuses any name that exists, so a
   * guessable name gives nobody a way in.
   */
  static Path create(Path parent) throws IOException {
    long pid = ProcessHandle.current().pid();
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path dir = parent.resolve(PREFIX + pid + "-" + suffix);
      try {
        Files.createDirectory(dir, ONLY_OURS);
      } catch (FileAlreadyExistsException e) {
        if (attempt < 100) {
          continue;
        }
        throw e;
      }
      Files.writeString(dir.resolve(OWNER), Long.toString(pid));
      return dir;
    }
  }

  /** A courtesy, so on a thread of its own: never a scratch directory being made (those are young). */
  static void sweepAbandonedInBackground(Path parent) {
    Thread t = new Thread(() -> sweepAbandoned(parent), "scratch-sweep");
    t.setDaemon(true);
    t.start();
  }

  static void sweepAbandoned(Path parent) {
    try (Stream<Path> dirs = Files.list(parent)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX))
          .filter(ScratchSweeper::abandoned)
          .forEach(Trees::deleteQuietly);
    } catch (IOException e) {
      // sweeping is a courtesy; never fail an evaluation over it
    }
  }

  private static boolean abandoned(Path dir) {
    try {
      long pid = Long.parseLong(Files.readString(dir.resolve(OWNER)).strip());
      return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    } catch (IOException | NumberFormatException e) {
      // no owner file: either being created right now or from an old version; leave it an hour
      try {
        return Files.getLastModifiedTime(dir).toMillis() < System.currentTimeMillis() - 3_600_000;
      } catch (IOException ex) {
        return false;
      }
    }
  }
}
