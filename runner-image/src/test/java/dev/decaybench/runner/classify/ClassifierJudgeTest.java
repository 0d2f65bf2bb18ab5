package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.ClassifierFixtures.line;
import static dev.decaybench.runner.classify.ClassifierFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.judge.JudgeClient;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The judge against a scripted local server speaking the chat-completions protocol. */
class ClassifierJudgeTest {

  /** One scripted reply: HTTP status, body, delay. */
  private record Reply(int status, String body, long delayMs) {}

  private HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> authHeaders = new CopyOnWriteArrayList<>();

  /** Low confidence by the rules: the logic fallback (a 500 with nothing in the log). */
  private final TrialEvidence unsure = sample(line("Update Article", "PUT", 500, 13)).evidence();
  /** High confidence by the rules: a start-up failure with its import error. */
  private final TrialEvidence sure = sample(ClassifierFixtures.allUnanswered())
      .log("ModuleNotFoundError: No module named 'jwt'").evidence();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", ex -> {
      requests.add(Json.mapper().readTree(ex.getRequestBody()));
      authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      Reply r = script.poll();
      if (r == null) {
        r = new Reply(500, "{\"error\":\"script exhausted\"}", 0);
      }
      try {
        Thread.sleep(r.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(r.status(), b.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private FailureClassifier classifier(Duration timeout) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return new FailureClassifier(new JudgeClient(url, "test-model", "sk-test", timeout), 0.6);
  }

  private static String completion(String content) throws IOException {
    var root = Json.mapper().createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion");
    var choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    return Json.mapper().writeValueAsString(root);
  }

  @Test
  void validAnswerReplacesAnUnsureRuleAnswer() throws IOException {
    script.add(new Reply(200, completion("```json\n{\"coarse\":\"logic_error\",\"subcategory\":\"database_runtime_error\","
        + "\"confidence\":0.8,\"reason\":\"the update crashes in the ORM\"}\n```"), 0));
    FailureClass f = classifier(Duration.ofSeconds(5)).classify(unsure);
    assertThat(f.rule()).isEqualTo("judge");
    assertThat(f.subcategory()).isEqualTo("database_runtime_error");
    assertThat(f.dataLayer()).isTrue();
    assertThat(f.confidence()).isEqualTo(0.8);
    assertThat(f.evidence()).anyMatch(l -> l.contains("ORM"));
    JsonNode req = requests.get(0);
    assertThat(req.path("model").asText()).isEqualTo("test-model");
    assertThat(req.path("messages").path(0).path("role").asText()).isEqualTo("system");
    assertThat(req.path("messages").path(0).path("content").asText()).contains("stuck_in_loop");
    assertThat(req.path("messages").path(1).path("content").asText()).contains("Update Article PUT");
    assertThat(authHeaders.get(0)).isEqualTo("Bearer sk-test");
  }

  @Test
  void confidentRulesDoNotAskTheJudge() {
    FailureClass f = classifier(Duration.ofSeconds(5)).classify(sure);
    assertThat(f.rule()).isEqualTo("startup-no-answer");
    assertThat(requests).isEmpty();
  }

  @Test
  void garbageAnswerKeepsTheRules() throws IOException {
    script.add(new Reply(200, completion("I believe this is probably some kind of logic problem."), 0));
    assertFallback(classifier(Duration.ofSeconds(5)).classify(unsure), "invalid answer");
  }

  @Test
  void answerOutsideTheTaxonomyKeepsTheRules() throws IOException {
    script.add(new Reply(200, completion("{\"coarse\":\"logic_error\",\"subcategory\":\"cosmic_rays\"}"), 0));
    assertFallback(classifier(Duration.ofSeconds(5)).classify(unsure), "unknown subcategory");
  }

  @Test
  void malformedEnvelopeKeepsTheRules() {
    script.add(new Reply(200, "<html>gateway</html>", 0));
    assertFallback(classifier(Duration.ofSeconds(5)).classify(unsure), "not JSON");
  }

  @Test
  void serverErrorKeepsTheRules() {
    script.add(new Reply(500, "{\"error\":{\"message\":\"overloaded\"}}", 0));
    assertFallback(classifier(Duration.ofSeconds(5)).classify(unsure), "HTTP 500");
  }

  @Test
  void timeoutKeepsTheRules() {
    script.add(new Reply(200, "{}", 1500));
    assertFallback(classifier(Duration.ofMillis(300)).classify(unsure), "timed out");
  }

  @Test
  void unreachableEndpointKeepsTheRules() {
    FailureClassifier c = new FailureClassifier(new JudgeClient("http://127.0.0.1:9/v1", "m", null,
        Duration.ofSeconds(2)), 0.6);
    assertFallback(c.classify(unsure), "judge:");
  }

  private static void assertFallback(FailureClass f, String why) {
    assertThat(f.rule()).isEqualTo("logic-fallback+judge-fallback");
    assertThat(f.coarse()).isEqualTo("logic_error");
    assertThat(f.subcategory()).isEqualTo("business_logic_defect");
    assertThat(f.evidence()).anyMatch(l -> l.startsWith("judge:") && l.contains(why));
  }
}
