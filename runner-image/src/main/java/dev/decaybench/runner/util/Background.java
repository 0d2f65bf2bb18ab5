package dev.decaybench.runner.util;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Work of the scorer run on a thread of its own, timed, while the main thread goes on with the
 * trial (the app's start and its requests leave the scorer waiting most of the time); its
 * result, or what it threw, is taken later.
 */
public final class Background<T> {

  /** The work: may read files. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws IOException;
  }

  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile long millis;

  private Background() {}

  public static <T> Background<T> start(String name, Work<T> work) {
    return start(name, work, CompletableFuture.completedFuture(null));
  }

  /**
   * As {@link #start(String, Work)}, for work that starts processes: the thread then lives
   * until {@code release} completes, because a sandboxed process is killed when the thread that
   * started it ends (bubblewrap's --die-with-parent is the kernel's parent-death signal, which
   * belongs to the thread).
   */
  public static <T> Background<T> start(String name, Work<T> work, CompletableFuture<?> release) {
    Background<T> background = new Background<>();
    Thread t = new Thread(() -> {
      long t0 = System.currentTimeMillis();
      try {
        T value = work.run();
        background.millis = System.currentTimeMillis() - t0;
        background.result.complete(value);
      } catch (IOException | RuntimeException e) {
        background.millis = System.currentTimeMillis() - t0;
        background.result.completeExceptionally(e);
      }
      release.join();
    }, name);
    t.setDaemon(true);
    t.start();
    return background;
  }

  /** Waits for the result; throws what the work threw. */
  public T join() throws IOException {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** How long the work itself took. */
  public long millis() {
    return millis;
  }
}
