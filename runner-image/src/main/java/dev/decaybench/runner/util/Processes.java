package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small helpers for child processes: run to completion, and stop a whole process tree. */
public final class Processes {

  private Processes() {}

  /** Output and exit code of a finished command; exit code -1 means it timed out. */
  public record Completed(int exitCode, String output) {}

  public static Completed run(List<String> command, Path dir, String stdin, long timeoutSeconds)
      throws IOException {
    return run(command, dir, stdin, timeoutSeconds, false);
  }

  /** As {@link #run(List, Path, String, long)}, optionally without secrets in the environment. */
  public static Completed run(List<String> command, Path dir, String stdin, long timeoutSeconds,
      boolean scrubSecrets) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (scrubSecrets) {
      SecretScrubber.scrub(pb.environment());
    }
    return complete(pb, dir, stdin, timeoutSeconds);
  }

  /** Runs {@code command} with exactly the environment {@code env}, nothing inherited. */
  public static Completed runWithEnvironment(List<String> command, Map<String, String> env, Path dir,
      long timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    return complete(pb, dir, null, timeoutSeconds);
  }

  private static Completed complete(ProcessBuilder pb, Path dir, String stdin, long timeoutSeconds)
      throws IOException {
    List<String> command = pb.command();
    pb.redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    // Read on the side, bounded: a command that never closes its output, or prints gigabytes,
    // must still meet its time-out and cannot fill our heap.
    BoundedLog output = new BoundedLog(256 * 1024, 768 * 1024);
    Thread reader = new Thread(() -> output.drain(p.getInputStream()), "output-" + p.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        stopTree(p.toHandle(), 0);
        reader.join(2000);
        return new Completed(-1, output.text());
      }
      // descendants that kept the pipe open are the command's own: they end with it
      stopTree(p.toHandle(), 0);
      reader.join(2000);
    } catch (InterruptedException e) {
      stopTree(p.toHandle(), 0);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new Completed(p.exitValue(), output.text());
  }

  /**
   * Asks a process and all its descendants to stop (SIGTERM), then kills what is left after
   * {@code graceMillis}. A bubblewrap sandbox with its own PID namespace is stopped from the
   * inside out: its init process reaps everything in the namespace and bubblewrap then exits,
   * so nothing is orphaned (on machines whose PID 1 never reaps, an orphan stays a zombie).
   */
  public static void stopTree(ProcessHandle root, long graceMillis) {
    Optional<ProcessHandle> nsInit = isBwrap(root) ? root.children().filter(Processes::isBwrap).findFirst()
        : Optional.empty();
    if (nsInit.isPresent()) {
      if (graceMillis > 0) {
        nsInit.get().descendants().forEach(ProcessHandle::destroy);
        awaitExit(root, graceMillis);
      }
      nsInit.get().destroyForcibly();
      if (awaitExit(root, 2000)) {
        return;
      }
    }
    List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
    all.add(0, root);
    if (graceMillis > 0) {
      all.forEach(ProcessHandle::destroy);
      long deadline = System.currentTimeMillis() + graceMillis;
      for (ProcessHandle h : all) {
        if (!awaitExit(h, deadline - System.currentTimeMillis())) {
          break;
        }
      }
    }
    // Descendants may have forked while we waited.
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    all.forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean isBwrap(ProcessHandle h) {
    return h.info().command().orElse("").endsWith("/bwrap");
  }

  private static boolean awaitExit(ProcessHandle h, long millis) {
    if (millis <= 0) {
      return !h.isAlive();
    }
    try {
      h.onExit().get(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Sends a signal by name (e.g. QUIT) through kill(1): Java offers only TERM and KILL. */
  public static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor(2, TimeUnit.SECONDS);
    } catch (IOException e) {
      // kill(1) missing: the caller falls back to destroyForcibly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
