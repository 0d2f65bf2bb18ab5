package dev.decaybench.runner.run.agent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.runner.run.agent.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Calls {@code POST {endpoint}/chat/completions} of an OpenAI-compatible server. Rate limits
 * (429, honouring Retry-After), server errors (5xx, 408), connection problems and malformed
 * replies are retried with exponential back-off and jitter; a rejected request (400, 401, 403,
 * 404, ...) is not, and says why. The key goes into the Authorization header and nowhere else.
 */
public final class ChatClient {

  /** Waits between attempts; tests pass one that records the delay instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * Limits of one client: per-request timeout, attempts per call (first try included), back-off
   * base and cap, the longest Retry-After honoured, and how to wait.
   */
  public record Settings(Duration requestTimeout, int maxAttempts, Duration baseDelay,
      Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper) {

    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(300), 5, Duration.ofSeconds(1), Duration.ofSeconds(30),
          Duration.ofSeconds(60), Thread::sleep);
    }

    public Settings withSleeper(Sleeper s) {
      return new Settings(requestTimeout, maxAttempts, baseDelay, maxDelay, maxRetryAfter, s);
    }

    public Settings withRequestTimeout(Duration d) {
      return new Settings(d, maxAttempts, baseDelay, maxDelay, maxRetryAfter, sleeper);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI uri;
  private final String model;
  private final String apiKey;
  private final Settings settings;
  private final HttpClient http;
  private final Random random = new Random();
  private Consumer<String> onRetry = m -> { };

  public ChatClient(String endpoint, String model, String apiKey, Settings settings) {
    this.uri = completionsUri(endpoint);
    this.model = model;
    this.apiKey = apiKey;
    this.settings = settings;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Told about every retry ("HTTP 429 ...; attempt 2 of 5 in 3.0 s"). */
  public void onRetry(Consumer<String> listener) {
    this.onRetry = listener;
  }

  public URI uri() {
    return uri;
  }

  /**
   * The completions URL of a base URL: {@code http://host:8000} and {@code http://host:8000/v1}
   * both become {@code http://host:8000/v1/chat/completions}; a base with another path (e.g.
   * {@code .../openai}) gets {@code /chat/completions} only; a full completions URL is kept.
   */
  public static URI completionsUri(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("the llm agent needs spec.agent.endpoint (an OpenAI-compatible base URL)");
    }
    String base = endpoint.strip().replaceAll("/+$", "");
    if (base.endsWith("/chat/completions")) {
      return URI.create(base);
    }
    String path = URI.create(base).getPath();
    if (path == null || path.isEmpty()) {
      base += "/v1";
    }
    return URI.create(base + "/chat/completions");
  }

  /**
   * One completion. {@code tools} may be null (plain chat). Never waits past {@code deadline}.
   */
  public ChatReply complete(ArrayNode messages, ArrayNode tools, Instant deadline)
      throws ChatException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", messages);
    if (tools != null && !tools.isEmpty()) {
      body.set("tools", tools);
      body.put("tool_choice", "auto");
    }
    return send(body, deadline);
  }

  /**
   * One deterministic completion whose content the model is asked to give as a JSON object
   * (temperature 0, {@code response_format: json_object}): what a judge asks.
   */
  public ChatReply completeJsonObject(ArrayNode messages, Instant deadline)
      throws ChatException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("temperature", 0);
    body.putObject("response_format").put("type", "json_object");
    body.set("messages", messages);
    return send(body, deadline);
  }

  private ChatReply send(ObjectNode body, Instant deadline)
      throws ChatException, InterruptedException {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new ChatException(0, "could not encode the request: " + e.getOriginalMessage(), false);
    }
    for (int attempt = 1; ; attempt++) {
      Duration timeout = settings.requestTimeout();
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.compareTo(timeout) < 0) {
        timeout = left;
      }
      if (timeout.toMillis() <= 0) {
        throw new ChatException(0, "the time limit passed before the model answered", false);
      }
      String problem;
      long retryAfter = -1;
      try {
        HttpResponse<String> resp = http.send(request(bytes, timeout), HttpResponse.BodyHandlers.ofString());
        int status = resp.statusCode();
        if (status / 100 == 2) {
          try {
            return ChatReply.parse(resp.body());
          } catch (ChatException e) {
            problem = redact(e.getMessage());
          }
        } else if (retryable(status)) {
          problem = "HTTP " + status + detail(resp.body());
          retryAfter = retryAfterMillis(resp.headers().firstValue("Retry-After"));
        } else {
          throw new ChatException(status, rejected(status, detail(resp.body())), false);
        }
      } catch (IOException e) {
        problem = "connection problem (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + redact(e.getMessage())) + ")";
      }
      if (attempt >= settings.maxAttempts()) {
        throw new ChatException(0, "gave up after " + attempt + " attempts at " + uri + "; last: "
            + problem, true);
      }
      long delay = retryAfter >= 0 ? Math.min(retryAfter, settings.maxRetryAfter().toMillis()) : backoff(attempt);
      if (Instant.now().plusMillis(delay).isAfter(deadline)) {
        throw new ChatException(0, "the time limit would pass while waiting to retry; last: " + problem, false);
      }
      onRetry.accept(problem + "; attempt " + (attempt + 1) + " of " + settings.maxAttempts()
          + " in " + String.format(java.util.Locale.ROOT, "%.1f", delay / 1000.0) + " s");
      settings.sleeper().sleep(delay);
    }
  }

  private HttpRequest request(byte[] body, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null && !apiKey.isEmpty()) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return b.build();
  }

  static boolean retryable(int status) {
    return status == 429 || status == 408 || status == 425 || status >= 500;
  }

  private String rejected(int status, String detail) {
    return switch (status) {
      case 401 -> "the endpoint rejected the API key (HTTP 401" + detail + "); check the variable"
          + " that spec.agent.apiKeySecretRef names (or DECAYBENCH_API_KEY)";
      case 403 -> "the API key may not use this endpoint or model (HTTP 403" + detail + ")";
      case 404 -> "nothing at " + uri + " (HTTP 404" + detail + "); check spec.agent.endpoint and"
          + " spec.agent.model";
      default -> "the endpoint rejected the request (HTTP " + status + detail + ")";
    };
  }

  /** The server's own error message, if it sent one, key removed. */
  private String detail(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String msg = body;
    try {
      var root = JSON.readTree(body);
      var err = root.path("error");
      msg = err.isTextual() ? err.asText() : err.path("message").isTextual()
          ? err.get("message").asText() : root.path("message").asText(body);
    } catch (IOException e) {
      // not JSON: show the text
    }
    return ": " + redact(ChatReply.excerpt(msg));
  }

  private String redact(String text) {
    return ApiKeys.redact(text, apiKey);
  }

  /** Exponential (base, 2x, 4x, ... up to the cap) with jitter: 50 to 100 % of that. */
  long backoff(int attempt) {
    long ceiling = settings.baseDelay().toMillis() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling, settings.maxDelay().toMillis());
    return ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
  }

  /** Retry-After in seconds (integer or decimal) or as an HTTP date; -1 if absent or unreadable. */
  static long retryAfterMillis(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return -1;
    }
    String v = header.get().strip();
    try {
      return Math.max(0, (long) (Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(Instant.now(), at.toInstant()).toMillis());
      } catch (RuntimeException e2) {
        return -1;
      }
    }
  }
}
