package dev.decaybench.runner.classify.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.input.TrialDirectoryReader;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Taxonomy;
import dev.decaybench.runner.run.agent.llm.ChatClient;
import dev.decaybench.runner.run.agent.llm.ChatException;
import dev.decaybench.runner.run.agent.llm.ChatReply;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Asks an OpenAI-compatible chat endpoint, through the llm agent's {@link ChatClient} (the same
 * URL forms, the key only in the Authorization header), to classify a trial the rules were unsure
 * about. The answer must be a JSON object with {@code coarse},
 * {@code subcategory}, {@code confidence} and {@code reason}; anything else (network error,
 * timeout, non-200, unparsable or out-of-taxonomy answer) is reported as a problem, never thrown.
 */
public final class JudgeClient {

  /** The judge's answer, or why there is none. */
  public record Outcome(FailureClass answer, String problem) {}

  private static final String PROMPT_RESOURCE = "/classify/judge-prompt.md";

  private final ChatClient chat;
  private final Duration timeout;

  public JudgeClient(String url, String model, String apiKey, Duration timeout) {
    this.timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    // the judge is optional: one attempt, no waiting on rate limits; the rules' answer stands
    this.chat = new ChatClient(url, model == null || model.isBlank() ? "gpt-4o-mini" : model,
        apiKey, new ChatClient.Settings(this.timeout, 1, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Thread::sleep));
  }

  public Outcome judge(TrialEvidence evidence, FailureClass rulesAnswer) {
    try {
      ArrayNode messages = Json.mapper().createArrayNode()
          .add(message("system", prompt()))
          .add(message("user", JudgeInput.render(evidence, rulesAnswer)));
      ChatReply reply = chat.completeJsonObject(messages, Instant.now().plus(timeout));
      return parse(reply.content());
    } catch (ChatException e) {
      return new Outcome(null, TrialDirectoryReader.oneLine(e.getMessage()));
    } catch (IOException e) {
      return new Outcome(null, "failed: " + TrialDirectoryReader.oneLine(e.getMessage()));
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

  /** Reads the model's answer and checks it against the taxonomy. */
  static Outcome parse(String text) {
    JsonNode content;
    try {
      if (text == null) {
        return new Outcome(null, "invalid answer: no content");
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
