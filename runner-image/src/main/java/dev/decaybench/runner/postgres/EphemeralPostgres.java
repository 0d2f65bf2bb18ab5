package dev.decaybench.runner.postgres;

import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import dev.decaybench.runner.util.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One trial's PostgreSQL: a copy of the template in {@code dataDir}, started on {@code port},
 * stopped and deleted on {@link #close()} whatever happened before.
 */
public final class EphemeralPostgres implements TrialDatabase {

  private static final int LOG_LINES = 200;

  /** Starts {@code postgres} with the given arguments where the trial's database belongs. */
  @FunctionalInterface
  public interface Launcher {
    Process start(List<String> command) throws IOException;
  }

  private final Path dataDir;
  private final String scorerAddress;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private Process process;

  private EphemeralPostgres(Path dataDir, String scorerAddress) {
    this.dataDir = dataDir;
    this.scorerAddress = scorerAddress;
  }

  /**
   * Copies the template to {@code dataDir} (which must not exist) and starts the server on
   * {@code port} through {@code launcher}; {@code scorerAddress} ({@code host:port}) is where
   * this process reaches it.
   */
  public static EphemeralPostgres start(PostgresBinaries binaries, Path template, Path dataDir,
      int port, List<String> extraSettings, Launcher launcher, String scorerAddress,
      long timeoutMillis) throws IOException {
    copyTemplate(template, dataDir);
    return launch(binaries, dataDir, port, extraSettings, launcher, scorerAddress, timeoutMillis);
  }

  /**
   * Starts the server on a data directory {@link #copyTemplate} made (the copy may be made
   * before the sandbox the server runs in exists); stops it and deletes the directory on failure.
   */
  public static EphemeralPostgres launch(PostgresBinaries binaries, Path dataDir, int port,
      List<String> extraSettings, Launcher launcher, String scorerAddress, long timeoutMillis)
      throws IOException {
    EphemeralPostgres pg = new EphemeralPostgres(dataDir, scorerAddress);
    try {
      List<String> cmd = new ArrayList<>(List.of(binaries.bin("postgres").toString(),
          "-D", dataDir.toString(), "-p", Integer.toString(port)));
      for (String setting : extraSettings) {
        cmd.addAll(List.of("-c", setting));
      }
      pg.launch(launcher.start(cmd), timeoutMillis);
      return pg;
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  /** Unsandboxed: as the unprivileged user when we are root, on this host's loopback. */
  public static EphemeralPostgres startUnsandboxed(PostgresBinaries binaries, Path template,
      Path dataDir, int port, long timeoutMillis) throws IOException {
    return start(binaries, template, dataDir, port, List.of(),
        cmd -> new ProcessBuilder(RunAs.unprivileged(cmd)).redirectErrorStream(true).start(),
        "127.0.0.1:" + port, timeoutMillis);
  }

  @Override
  public String jdbcUrl() {
    return "jdbc:postgresql://" + scorerAddress + "/" + DatabaseSettings.DATABASE;
  }

  public List<String> logLines() {
    return List.copyOf(log);
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Copies the template to {@code dataDir}, which must not exist. */
  public static void copyTemplate(Path template, Path dataDir) throws IOException {
    // cp -a keeps the owner (nobody when we are root) and the 0700 mode PostgreSQL insists on.
    Processes.Completed cp = Processes.run(
        List.of("cp", "-a", template.toString(), dataDir.toString()), null, null, 60);
    if (cp.exitCode() != 0) {
      Trees.deleteQuietly(dataDir);
      throw new PostgresException("copying the template data directory to " + dataDir
          + " failed: " + PostgresTemplate.tail(cp.output())
          + (cp.output().contains("No space") ? " (disk or /dev/shm is full)" : ""));
    }
  }

  private void launch(Process started, long timeoutMillis) throws IOException {
    process = started;
    process.getOutputStream().close();
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> pump(ready), "postgres-log");
    reader.setDaemon(true);
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (!ready.await(20, TimeUnit.MILLISECONDS)) {
        if (!process.isAlive()) {
          reader.join(500);
          throw new PostgresException("PostgreSQL exited during start-up (exit "
              + process.exitValue() + "): " + String.join("\n", logLines()));
        }
        if (System.nanoTime() > deadline) {
          throw new PostgresException("PostgreSQL not ready after " + timeoutMillis + " ms: "
              + String.join("\n", logLines()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PostgresException("interrupted while PostgreSQL was starting", e);
    }
  }

  private void pump(CountDownLatch ready) {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (log.size() < LOG_LINES) {
          log.add(line);
        }
        if (line.contains("ready to accept connections")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // process gone: the waiter notices
    }
  }

  /** Immediate shutdown (SIGQUIT): the data is thrown away anyway. Then the directory goes. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      Processes.signal(postmaster().pid(), "QUIT");
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          Processes.stopTree(process.toHandle(), 0);
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Processes.stopTree(process.toHandle(), 0);
        Thread.currentThread().interrupt();
      }
    }
    Trees.deleteQuietly(dataDir);
  }

  /** The process we hold may be a sandbox wrapper: SIGQUIT belongs to the postmaster itself. */
  private ProcessHandle postmaster() {
    ProcessHandle h = process.toHandle();
    while (!isPostgres(h)) {
      var child = h.children().findFirst();
      if (child.isEmpty()) {
        return process.toHandle();
      }
      h = child.get();
    }
    return h;
  }

  private static boolean isPostgres(ProcessHandle h) {
    return h.info().command().orElse("").endsWith("/postgres");
  }

  /** True when nothing of this instance is left: no process, no data directory. */
  public boolean isGone() {
    return (process == null || !process.isAlive()) && !Files.exists(dataDir);
  }
}
