package dev.decaybench.runner.suite;

import dev.decaybench.runner.util.PlainHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Sends one request the way Newman does for this collection: HTTP/1.1, redirects followed, JSON
 * content type and X-Requested-With on every request, a hard time-out per request covering the
 * whole response.
 */
public final class HttpCaller implements AutoCloseable {

  /** What came back: a status and a body, or an error that says why nothing came back. */
  public record Exchange(Integer status, byte[] body, String error, long durationMs) {}

  /** The paper's 10 s per request, 300 times over, would hold a trial for most of an hour. */
  static final int GIVE_UP_AFTER_TIMEOUTS = 3;

  private final HttpClient client;
  private final Duration timeout;
  private final BooleanSupplier listening;
  private int consecutiveTimeouts;

  public HttpCaller(Duration timeout) {
    this(timeout, () -> true);
  }

  /**
   * @param listening whether anything listens on the app's port; when the app is reached through
   *     a relay, the relay's own port always accepts, and this keeps "connection refused" honest
   */
  public HttpCaller(Duration timeout, BooleanSupplier listening) {
    this.timeout = timeout;
    this.listening = listening;
    this.client = PlainHttp.builder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .build();
  }

  public Exchange send(String method, String url, String body, String authorization) {
    if (consecutiveTimeouts >= GIVE_UP_AFTER_TIMEOUTS) {
      return new Exchange(null, new byte[0], "not sent: " + gaveUp(), 0);
    }
    Exchange e = exchange(method, url, body, authorization);
    consecutiveTimeouts = e.error() != null && e.error().startsWith("timeout") ? consecutiveTimeouts + 1 : 0;
    return e;
  }

  /** Set once the app has let {@link #GIVE_UP_AFTER_TIMEOUTS} requests in a row time out. */
  public String gaveUp() {
    return consecutiveTimeouts >= GIVE_UP_AFTER_TIMEOUTS ? "the app stopped answering ("
        + GIVE_UP_AFTER_TIMEOUTS + " consecutive request time-outs); later requests were not sent" : null;
  }

  private Exchange exchange(String method, String url, String body, String authorization) {
    long start = System.nanoTime();
    if (!listening.getAsBoolean()) {
      return new Exchange(null, new byte[0], "connection refused", elapsed(start));
    }
    HttpRequest request;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("X-Requested-With", "XMLHttpRequest")
          .header("Accept", "*/*");
      if (authorization != null) {
        builder.header("Authorization", authorization);
      }
      // Newman sends an empty raw body (Content-Length: 0) on the body-less POST/PUT/DELETEs.
      HttpRequest.BodyPublisher publisher = "GET".equals(method)
          ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body == null ? "" : body);
      request = builder.method(method, publisher).build();
    } catch (IllegalArgumentException e) {
      return new Exchange(null, new byte[0], "invalid request URL: " + e.getMessage(), 0);
    }
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      return new Exchange(null, new byte[0], describe(e), elapsed(start));
    }
    try {
      HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Exchange(response.statusCode(), response.body(), null, elapsed(start));
    } catch (TimeoutException e) {
      future.cancel(true);
      return new Exchange(null, new byte[0], "timeout after " + timeout.toMillis() + " ms",
          elapsed(start));
    } catch (ExecutionException e) {
      return new Exchange(null, new byte[0], describe(e.getCause()), elapsed(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new Exchange(null, new byte[0], "interrupted", elapsed(start));
    }
  }

  private static String describe(Throwable cause) {
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    if (cause instanceof HttpTimeoutException) {
      return "timeout";
    }
    if (cause instanceof UnsupportedOperationException && PlainHttp.NO_TLS.equals(cause.getMessage())) {
      return "connection error: " + PlainHttp.NO_TLS;
    }
    if (cause instanceof IOException) {
      String msg = cause.getMessage();
      return "connection error: " + (msg == null ? cause.getClass().getSimpleName() : msg);
    }
    return "request failed: " + cause;
  }

  private static long elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on Java 17 has no close(); its threads are daemons.
  }
}
