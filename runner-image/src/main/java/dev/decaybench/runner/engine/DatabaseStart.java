package dev.decaybench.runner.engine;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.postgres.ExternalPostgres;
import dev.decaybench.runner.postgres.TrialDatabase;
import dev.decaybench.runner.sandbox.TrialSandbox;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The trial's PostgreSQL, started on a thread of its own as soon as the sandbox exists, so that
 * its copy and start-up overlap the set-up commands (which cannot reach it: set-up has a network
 * namespace of its own). Whoever opens it closes it, started or not, so no server outlives the
 * trial.
 */
final class DatabaseStart implements AutoCloseable {

  private final Background<TrialDatabase> started;
  private final CountDownLatch stopped;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private DatabaseStart(Background<TrialDatabase> started, CountDownLatch stopped) {
    this.started = started;
    this.stopped = stopped;
  }

  static DatabaseStart begin(TrialSandbox sandbox, TrialSpec spec) {
    // the thread that starts the server stays until it is stopped: the server dies with it
    CountDownLatch stopped = new CountDownLatch(1);
    return new DatabaseStart(Background.start("postgres", () -> spec.externalPostgres() != null
        ? ExternalPostgres.reset(spec.externalPostgres(), 60_000)
        : EphemeralPostgres.start(spec.binaries(), spec.template(), spec.pgDataDir(),
            sandbox.postgresPort(), sandbox.postgresSettings(), sandbox.postgresLauncher(),
            sandbox.postgresScorerAddress(), 30_000), stopped), stopped);
  }

  /** The running database; what kept it from starting is thrown as it was. */
  TrialDatabase await() throws IOException {
    return started.join();
  }

  /** How long the copy and start-up took (not how long anyone waited for them). */
  long millis() {
    return started.millis();
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
    done.join();
  }

  private void stop() {
    try {
      started.join().close();
    } catch (IOException | RuntimeException e) {
      // never started: nothing to stop
    } finally {
      stopped.countDown();
      done.complete(null);
    }
  }
}
