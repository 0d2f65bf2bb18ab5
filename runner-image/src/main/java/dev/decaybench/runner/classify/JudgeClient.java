package dev.decaybench.runner.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.api.result.FailureClass;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Asks an OpenAI-compatible chat endpoint ({@code POST .../v1/chat/completions}) to classify a
 * trial the rules were unsure about. The answer must be a JSON object with {@code coarse},
 * {@code subcategory}, {@code confidence} and {@code reason}; anything else (network error,
 * timeout, non-200, unparsable or out-of-taxonomy answer) is reported as a problem, never thrown.
 */
public final class JudgeClient {

  /** The judge's answer, or why there is none. */
  public record Outcome(FailureClass answer, String problem) {}

  private static final String PROMPT_RESOURCE = "/classify/judge-prompt.md";

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient http;

  public JudgeClient(String url, String model, String apiKey, Duration timeout) {
    this.endpoint = completionsUri(url);
    this.model = model == null || model.isBlank() ? "gpt-4o-mini" : model;
    this.apiKey = apiKey;
    this.timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
  }

  /** Accepts a base URL, a ".../v1" URL or the full ".../chat/completions" URL. */
  static URI completionsUri(String url) {
    String u = url == null ? "" : url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (!u.endsWith("/chat/completions")) {
      u = u.endsWith("/v1") ? u + "/chat/completions" : u + "/v1/chat/completions";
    }
    return URI.create(u);
  }

  public Outcome judge(TrialEvidence evidence, FailureClass rulesAnswer) {
    try {
      ObjectNode body = Json.mapper().createObjectNode();
      body.put("model", model);
      body.put("temperature", 0);
      body.putObject("response_format").put("type", "json_object");
      body.putArray("messages")
          .add(message("system", prompt()))
          .add(message("user", JudgeInput.render(evidence, rulesAnswer)));
      HttpRequest.Builder req = HttpRequest.newBuilder(endpoint).timeout(timeout)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body)));
      if (apiKey != null && !apiKey.isBlank()) {
        req.header("Authorization", "Bearer " + apiKey);
      }
      HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        return new Outcome(null, "HTTP " + resp.statusCode() + " from " + endpoint.getHost());
      }
      return parse(resp.body());
    } catch (java.net.http.HttpTimeoutException e) {
      return new Outcome(null, "timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return new Outcome(null, "unreachable: " + TrialDirectoryReader.oneLine(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted");
    } catch (RuntimeException e) {
      return new Outcome(null, "failed: " + e.getClass().getSimpleName());
    }
  }

  private static ObjectNode message(String role, String content) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("role", role);
    m.put("content", content);
    return m;
  }

  static String prompt() throws IOException {
    try (InputStream in = JudgeClient.class.getResourceAsStream(PROMPT_RESOURCE)) {
      if (in == null) {
        throw new IOException("judge prompt missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the chat completion and checks the answer against the taxonomy. */
  static Outcome parse(String responseBody) {
    JsonNode content;
    try {
      JsonNode root = Json.mapper().readTree(responseBody);
      String text = root.path("choices").path(0).path("message").path("content").asText(null);
      if (text == null) {
        return new Outcome(null, "invalid answer: no choices[0].message.content");
      }
      content = Json.mapper().readTree(stripFences(text));
    } catch (IOException | RuntimeException e) {
      return new Outcome(null, "invalid answer: not JSON");
    }
    if (content == null || !content.isObject()) {
      return new Outcome(null, "invalid answer: not a JSON object");
    }
    String coarse = content.path("coarse").asText("").strip().toLowerCase(Locale.ROOT);
    if (!Taxonomy.COARSE.contains(coarse)) {
      return new Outcome(null, "invalid answer: unknown class '" + Facts.clip(coarse, 40) + "'");
    }
    String sub = null;
    if (Taxonomy.LOGIC_ERROR.equals(coarse)) {
      sub = content.path("subcategory").asText("").strip().toLowerCase(Locale.ROOT);
      if (!Taxonomy.SUBCATEGORIES.contains(sub)) {
        return new Outcome(null, "invalid answer: unknown subcategory '" + Facts.clip(sub, 40) + "'");
      }
    }
    double conf = content.path("confidence").isNumber() ? content.path("confidence").asDouble() : 0.7;
    conf = Math.max(0, Math.min(1, conf));
    String reason = Facts.clip(content.path("reason").asText("no reason given"), 400);
    return new Outcome(new FailureClass(coarse, sub, Taxonomy.isDataLayer(sub), conf, "judge",
        List.of("judge: " + reason)), null);
  }

  private static String stripFences(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int nl = t.indexOf('\n');
      t = nl < 0 ? t : t.substring(nl + 1);
      if (t.endsWith("```")) {
        t = t.substring(0, t.length() - 3);
      }
    }
    return t.strip();
  }
}
