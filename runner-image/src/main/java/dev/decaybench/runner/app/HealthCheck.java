package dev.decaybench.runner.app;

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

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  public Outcome await(String url, long timeoutMillis, BooleanSupplier appAlive) {
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
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return new Outcome(true, "healthy", System.currentTimeMillis() - start);
        }
        last = "HTTP " + r.statusCode();
      } catch (java.io.IOException e) {
        last = e.getClass().getSimpleName();
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
}
