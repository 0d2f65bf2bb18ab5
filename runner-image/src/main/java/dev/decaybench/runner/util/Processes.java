package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (scrubSecrets) {
      SecretScrubber.scrub(pb.environment());
    }
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    byte[] out;
    try {
      // Reading first keeps a chatty process from blocking on a full pipe.
      out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        stopTree(p.toHandle(), 0);
        return new Completed(-1, new String(out, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      stopTree(p.toHandle(), 0);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new Completed(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /**
   * Asks a process and all its descendants to stop (SIGTERM), then kills what is left after
   * {@code graceMillis}.
   */
  public static void stopTree(ProcessHandle root, long graceMillis) {
    List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
    all.add(0, root);
    if (graceMillis > 0) {
      all.forEach(ProcessHandle::destroy);
      long deadline = System.currentTimeMillis() + graceMillis;
      for (ProcessHandle h : all) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          break;
        }
        try {
          h.onExit().get(left, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          // still running: killed below
        }
      }
    }
    // Descendants may have forked while we waited.
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    all.forEach(ProcessHandle::destroyForcibly);
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
