package dev.decaybench.runner.engine;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.postgres.ExternalPostgres;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.postgres.TrialDatabase;
import dev.decaybench.runner.sandbox.TrialSandbox;
import dev.decaybench.runner.util.Background;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trial's PostgreSQL, brought up on a thread of its own while the main thread prepares the
 * trial: the template's copy begins before the sandbox exists, the server starts as soon as it
 * does and runs while the set-up commands do (they cannot reach it: set-up has a network
 * namespace of its own). Whoever prepares it closes it, started or not, so no server outlives the
 * trial.
 */
final class DatabaseStart implements AutoCloseable {

  private final CompletableFuture<TrialSandbox> sandbox = new CompletableFuture<>();
  // the thread that starts the server stays until it is stopped: the server dies with it
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Background<TrialDatabase> started;
  private volatile long millis;

  private DatabaseStart(PostgresBinaries binaries, Path template, Path dataDir, String external) {
    this.started = Background.start("postgres", () -> external != null
        ? reset(external) : startCopy(binaries, template, dataDir), stopped);
  }

  /**
   * Begins at once: an ephemeral server's template is copied to {@code dataDir} now, and the
   * server starts when {@link #launchIn} names its sandbox; an external one (a pod's sidecar) is
   * reset now.
   */
  static DatabaseStart prepare(PostgresBinaries binaries, Path template, Path dataDir, String external) {
    return new DatabaseStart(binaries, template, dataDir, external);
  }

  /** Where the server runs: the trial's sandbox, now open. */
  void launchIn(TrialSandbox trialSandbox) {
    sandbox.complete(trialSandbox);
  }

  private TrialDatabase startCopy(PostgresBinaries binaries, Path template, Path dataDir)
      throws IOException {
    long t0 = System.currentTimeMillis();
    EphemeralPostgres.copyTemplate(template, dataDir);
    long copyMs = System.currentTimeMillis() - t0;
    TrialSandbox s = sandbox.join();
    long t1 = System.currentTimeMillis();
    try {
      return EphemeralPostgres.launch(binaries, dataDir, s.postgresPort(), s.postgresSettings(),
          s.postgresLauncher(), s.postgresScorerAddress(), 30_000);
    } finally {
      millis = copyMs + System.currentTimeMillis() - t1;
    }
  }

  private TrialDatabase reset(String external) throws IOException {
    long t0 = System.currentTimeMillis();
    try {
      return ExternalPostgres.reset(external, 60_000);
    } finally {
      millis = System.currentTimeMillis() - t0;
    }
  }

  /** The running database; what kept it from starting is thrown as it was. */
  TrialDatabase await() throws IOException {
    return started.join();
  }

  /** How long the copy and the start-up took (not how long anyone waited for them). */
  long millis() {
    return millis;
  }

  /** Stops the database on a thread of its own (the result is written meanwhile); close() waits for it. */
  void stopInBackground() {
    if (closed.compareAndSet(false, true)) {
      Thread t = new Thread(this::stop, "postgres-stop");
      t.setDaemon(true);
      t.start();
    }
  }

  /** Stops the database, waiting for a start still under way, or waits for the stop under way. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stop();
    }
    stopped.join();
  }

  private void stop() {
    // a sandbox that never opened: the start gives up instead of waiting for it
    sandbox.completeExceptionally(new IOException("the trial's sandbox did not open"));
    try {
      started.join().close();
    } catch (IOException | RuntimeException e) {
      // never started: nothing to stop
    } finally {
      stopped.complete(null);
    }
  }
}
