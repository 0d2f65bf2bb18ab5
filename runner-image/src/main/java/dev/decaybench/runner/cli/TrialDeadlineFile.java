package dev.decaybench.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The instant a trial must end by, handed from a pod's prepare step to its evaluate step through
 * the shared volume: the agent runs in between, and evaluate gets only what it left.
 */
final class TrialDeadlineFile {

  private TrialDeadlineFile() {}

  static void write(Path file, Instant deadline) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, deadline.toString() + "\n");
  }

  static Instant read(Path file) throws IOException {
    return Instant.parse(Files.readString(file).strip());
  }

  /** Milliseconds until the deadline in {@code file} (negative once it passed). */
  static long millisLeft(Path file) throws IOException {
    return Duration.between(Instant.now(), read(file)).toMillis();
  }
}
