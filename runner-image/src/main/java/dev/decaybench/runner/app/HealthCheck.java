package dev.decaybench.runner.app;

import dev.decaybench.runner.util.PlainHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls the task's health endpoint until it answers 200, the wait runs out, or the app is gone
 * (a run command that exited gets a short grace period: it may have started a daemon).
 */
public final class HealthCheck {

  /** How the wait ended, with a human-readable verdict for result.json. */
  public record Outcome(boolean healthy, String verdict, long waitedMillis) {}

  private static final long POLL_MILLIS = 25;
  private static final long GRACE_AFTER_EXIT_MILLIS = 1500;

  private final HttpClient client = PlainHttp.builder()
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  public Outcome await(String url, long timeoutMillis, BooleanSupplier appAlive) {
    return await(url, timeoutMillis, appAlive, () -> true);
  }

  /**
   * @param listening whether the app listens on its port yet; while it does not, no request is
   *     sent (through a relay every attempt would otherwise cost a connection on both sides)
   */
  public Outcome await(String url, long timeoutMillis, BooleanSupplier appAlive, BooleanSupplier listening) {
    long start = System.currentTimeMillis();
    long exitSeen = -1;
    String last = "no answer";
    while (true) {
      long now = System.currentTimeMillis();
      if (now - start > timeoutMillis) {
        return new Outcome(false, "not healthy after " + timeoutMillis + " ms (last: " + last + ")",
            now - start);
      }
      if (!appAlive.getAsBoolean()) {
        exitSeen = exitSeen < 0 ? now : exitSeen;
        if (now - exitSeen > GRACE_AFTER_EXIT_MILLIS) {
          return new Outcome(false, "run command exited before the app became healthy (last: "
              + last + ")", now - start);
        }
      }
      try {
        last = listening.getAsBoolean() ? ask(url) : "ConnectException";
        if (last == null) {
          return new Outcome(true, "healthy", System.currentTimeMillis() - start);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(false, "interrupted", System.currentTimeMillis() - start);
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(false, "interrupted", System.currentTimeMillis() - start);
      }
    }
  }

  /** Null when the app answered 200, else what came back instead. */
  private String ask(String url) throws InterruptedException {
    try {
      HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
    } catch (java.io.IOException e) {
      return e.getClass().getSimpleName();
    }
  }
}
