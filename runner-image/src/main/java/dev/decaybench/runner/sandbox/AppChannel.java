package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * How the evaluator in a trial pod asks the app container (another uid, its own PID namespace) to
 * run the trial's set-up and app. Two directories, each writable by one side only: the evaluator
 * writes numbered requests into {@code control} (mounted read-only in the app container); the app
 * container writes each request's output and exit code into {@code output}. Nothing read from
 * {@code output} is ever trusted as a result: it carries the app's log and its set-up's exit
 * codes, which the app could write anyway.
 */
public final class AppChannel {

  /** What the app container should do next; {@code seq} counts from 1. */
  public record Request(int seq, Kind kind, String command, String dir, Map<String, String> env,
      long timeoutSeconds) {}

  /**
   * Set-up (run to completion), the app (started, left running), stop (everything of the trial),
   * limits (which of the container's limits stopped something, as the output).
   */
  public enum Kind { SETUP, APP, STOP, LIMITS }

  private static final String READY = "ready";
  /** How often either side looks for a new file of the other. */
  static final long POLL_MILLIS = 50;

  private final Path control;
  private final Path output;

  public AppChannel(Path control, Path output) {
    this.control = control;
    this.output = output;
  }

  /** Evaluator: hands a request over (whole or not at all). */
  public void send(Request request) throws IOException {
    writeAtomically(control.resolve(name(request.seq()) + ".json"),
        Json.mapper().writeValueAsBytes(request));
  }

  /** App container: the request numbered {@code seq}, or null while there is none. */
  public Request poll(int seq) throws IOException {
    try {
      return Json.mapper().readValue(Files.readAllBytes(control.resolve(name(seq) + ".json")),
          Request.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Where the output of request {@code seq} goes (written as it comes). */
  public Path outputOf(int seq) {
    return output.resolve(name(seq) + ".out");
  }

  /** App container: the whole output of request {@code seq}, before its exit is reported. */
  public void writeOutput(int seq, String content) throws IOException {
    writeAtomically(outputOf(seq), content.getBytes(StandardCharsets.UTF_8));
  }

  /** App container: request {@code seq} ended with {@code exitCode} (-1: timed out). */
  public void reportExit(int seq, int exitCode) throws IOException {
    writeAtomically(output.resolve(name(seq) + ".exit"),
        Integer.toString(exitCode).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Evaluator: the exit code of request {@code seq} once it has one, waiting at most
   * {@code millis} (less when interrupted); null when it still runs then.
   */
  public Integer awaitExit(int seq, long millis) {
    long end = System.currentTimeMillis() + millis;
    Integer code;
    while ((code = exitCode(seq)) == null && System.currentTimeMillis() < end
        && !Thread.currentThread().isInterrupted()) {
      pause();
    }
    return code;
  }

  /** Evaluator: the exit code of request {@code seq}, or null while it runs. */
  public Integer exitCode(int seq) {
    try {
      return Integer.valueOf(Files.readString(output.resolve(name(seq) + ".exit")).strip());
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /** App container: it is listening for requests. */
  public void markReady() throws IOException {
    writeAtomically(output.resolve(READY),
        Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8));
  }

  /** Evaluator: whether the app container has come up within {@code millis}. */
  public boolean awaitReady(long millis) {
    long end = System.currentTimeMillis() + millis;
    while (!Files.exists(output.resolve(READY))) {
      if (System.currentTimeMillis() > end || Thread.currentThread().isInterrupted()) {
        return false;
      }
      pause();
    }
    return true;
  }

  /** Whole or not at all: the other side never reads half a file. */
  private static void writeAtomically(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String name(int seq) {
    return String.format("%05d", seq);
  }
}
