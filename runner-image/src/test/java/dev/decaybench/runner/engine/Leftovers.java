package dev.decaybench.runner.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a finished trial must not leave behind: scratch directories and processes. */
final class Leftovers {

  private Leftovers() {}

  /** Scratch directories owned by this JVM (other processes may be evaluating too). */
  static List<String> scratchDirectories() throws IOException {
    String me = Long.toString(ProcessHandle.current().pid());
    try (Stream<Path> s = Files.list(dev.decaybench.runner.util.CacheDirs.scratch())) {
      return s.filter(p -> p.getFileName().toString().startsWith("decaybench-trial-"))
          .filter(p -> ownedBy(p, me))
          .map(p -> p.getFileName().toString()).toList();
    }
  }

  private static boolean ownedBy(Path dir, String pid) {
    try {
      return Files.readString(dir.resolve("owner.pid")).strip().equals(pid);
    } catch (IOException e) {
      return false;
    }
  }

  /** Live processes whose command line contains {@code marker}. */
  static List<String> processesMentioning(String marker) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains(marker))
        .toList();
  }
}
