package dev.decaybench.runner.run.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted model behind an OpenAI-compatible {@code /v1/chat/completions} on 127.0.0.1. Like a
 * real model it keeps no state between calls: the conversation says which app the task asks for
 * (the prompt's title) and how far it got (its own turns so far). Each reply writes the next file
 * of that known-good app in the chosen style; then it tries {@code ./run.sh} in its own shell, then
 * it finishes. Faults can be scripted: failed calls (first ones, or all), tools refused, a stall.
 */
public final class ConduitModelServer implements AutoCloseable {

  /** How the model writes a file: the write_file tool, a run_shell heredoc, or a fenced block. */
  public enum Style { WRITE_FILE, HEREDOC, FENCED }

  /** One request as received, with the framework its prompt asks for. */
  public record Call(long atMillis, String framework, String authorization, JsonNode body) {}

  private record Failure(int status, Map<String, String> headers) {}

  /** What the model runs after writing the app; bounded in case run.sh were executable. */
  static final String TRY_START = "timeout 10 ./run.sh";
  private static final String EOF = "DECAYBENCH_EOF";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Style style;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Failure>> failFirst = new ConcurrentHashMap<>();
  private final Map<String, Failure> failAlways = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile String refuseToolsFor = "";
  private volatile int stallAtStep = -1;

  public ConduitModelServer(Style style) throws IOException {
    this.style = style;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);  // parallel trials, and a stalled call must not hold the others
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The next call for each framework's task fails with this status, then the script goes on. */
  ConduitModelServer failFirst(int status, Map<String, String> headers, String... frameworks) {
    for (String f : frameworks) {
      failFirst.computeIfAbsent(f, k -> new ConcurrentLinkedDeque<>()).add(new Failure(status, headers));
    }
    return this;
  }

  ConduitModelServer failAlways(int status, String... frameworks) {
    for (String f : frameworks) {
      failAlways.put(f, new Failure(status, Map.of()));
    }
    return this;
  }

  /** For this framework's task, answers 400 to a call that offers tools, as servers without tool support do. */
  ConduitModelServer refuseToolsFor(String framework) {
    refuseToolsFor = framework;
    return this;
  }

  /** The model "thinks" without answering once it reaches this step (until the server closes). */
  ConduitModelServer stallAtStep(int step) {
    stallAtStep = step;
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Replies the model needs for an app: one per file, the start attempt, the end. */
  static int steps(AppFiles app) {
    return app.files().size() + 2;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        answer(ex);
      } catch (RuntimeException e) {
        send(ex, 500, Map.of(), error("scripted model broke: " + e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void answer(HttpExchange ex) throws IOException, InterruptedException {
    JsonNode body = JSON.readTree(ex.getRequestBody());
    JsonNode messages = body.path("messages");
    AppFiles app = AppFiles.forPrompt(prompt(messages));
    calls.add(new Call(System.currentTimeMillis(), app.framework(),
        ex.getRequestHeaders().getFirst("Authorization"), body));
    Failure failure = failFirst.getOrDefault(app.framework(), new ConcurrentLinkedDeque<>()).poll();
    failure = failure != null ? failure : failAlways.get(app.framework());
    int step = turns(messages);
    if (!ex.getRequestURI().getPath().equals("/v1/chat/completions")) {
      send(ex, 404, Map.of(), error("no such route"));
    } else if (failure != null) {
      send(ex, failure.status(), failure.headers(), error("scripted failure " + failure.status()));
    } else if (app.framework().equals(refuseToolsFor) && body.has("tools")) {
      send(ex, 400, Map.of(), error("this model does not support tools"));
    } else if (step == stallAtStep) {
      closing.await(60, TimeUnit.SECONDS);
      send(ex, 503, Map.of(), error("stalled"));
    } else {
      send(ex, 200, Map.of(), reply(app, step).toString());
    }
  }

  /** The calls made for one framework's task, in order. */
  List<Call> calls(String framework) {
    return calls().stream().filter(c -> framework.equals(c.framework())).toList();
  }

  private ObjectNode reply(AppFiles app, int step) {
    List<AppFiles.File> files = app.files();
    if (step < files.size()) {
      AppFiles.File f = files.get(step);
      return switch (style) {
        case WRITE_FILE -> toolCall(step, "write_file", Map.of("path", f.path(), "content", f.content()));
        case HEREDOC -> toolCall(step, "run_shell", Map.of("command", heredoc(f)));
        case FENCED -> text("Next: " + f.path() + ".\n\n```bash\n" + heredoc(f) + "```\n");
      };
    }
    if (step == files.size()) {
      return style == Style.FENCED ? text("Let me try the start command.\n\n```bash\n" + TRY_START + "\n```\n")
          : toolCall(step, "run_shell", Map.of("command", TRY_START));
    }
    return style == Style.FENCED ? text("Every file of the " + app.framework() + " app is written.\n\nFINISH")
        : toolCall(step, "finish", Map.of("summary", "wrote the " + app.framework() + " app"));
  }

  /** A file through a quoted heredoc: the shell takes its text as it is. */
  static String heredoc(AppFiles.File f) {
    int slash = f.path().lastIndexOf('/');
    String mkdir = slash < 0 ? "" : "mkdir -p '" + f.path().substring(0, slash) + "' && ";
    String content = f.content().endsWith("\n") ? f.content() : f.content() + "\n";
    return mkdir + "cat > '" + f.path() + "' <<'" + EOF + "'\n" + content + EOF + "\n";
  }

  private static String prompt(JsonNode messages) {
    for (JsonNode m : messages) {
      if (m.path("role").asText().equals("user")) {
        return m.path("content").asText();
      }
    }
    throw new IllegalArgumentException("no user message");
  }

  private static int turns(JsonNode messages) {
    int n = 0;
    for (JsonNode m : messages) {
      n += m.path("role").asText().equals("assistant") ? 1 : 0;
    }
    return n;
  }

  private static ObjectNode toolCall(int step, String name, Map<String, String> args) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant").putNull("content");
    ObjectNode call = message.putArray("tool_calls").addObject().put("id", "call_" + step).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", JSON.valueToTree(args).toString());
    return completion(message, "tool_calls");
  }

  private static ObjectNode text(String content) {
    return completion(JSON.createObjectNode().put("role", "assistant").put("content", content), "stop");
  }

  private static ObjectNode completion(ObjectNode message, String finishReason) {
    ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-conduit").put("object", "chat.completion")
        .put("model", "scripted-conduit-model");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", finishReason);
    root.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 500);
    return root;
  }

  private static String error(String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", "scripted");
    return body.toString();
  }

  private static void send(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
