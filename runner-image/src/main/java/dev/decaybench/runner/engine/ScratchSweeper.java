package dev.decaybench.runner.engine;

import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Scratch directories carry the pid of the process that owns them, so one killed with -9 (no
 * finally, no shutdown hook) is removed by the next evaluation instead of filling /dev/shm.
 */
final class ScratchSweeper {

  static final String PREFIX = "decaybench-trial-";
  private static final String OWNER = "owner.pid";

  private ScratchSweeper() {}

  static void claim(Path scratch) throws IOException {
    Files.writeString(scratch.resolve(OWNER), Long.toString(ProcessHandle.current().pid()));
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
