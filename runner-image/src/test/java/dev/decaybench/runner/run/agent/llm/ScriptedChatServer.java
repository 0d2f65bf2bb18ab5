package dev.decaybench.runner.run.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A local OpenAI-compatible chat endpoint that replays a script: each request to
 * {@code .../chat/completions} gets the next scripted response (then the fallback, if any, else
 * a 500). Every request is recorded with its path, Authorization header and JSON body.
 */
final class ScriptedChatServer implements AutoCloseable {

  record Response(int status, Map<String, String> headers, String body) {}

  record Request(String path, String authorization, JsonNode body) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Deque<Response> script = new ArrayDeque<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private Response fallback;

  ScriptedChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Base URL with /v1, as most providers document it. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  ScriptedChatServer then(Response r) {
    script.add(r);
    return this;
  }

  ScriptedChatServer otherwise(Response r) {
    fallback = r;
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    byte[] in = ex.getRequestBody().readAllBytes();
    JsonNode body;
    try {
      body = JSON.readTree(in);
    } catch (IOException e) {
      body = JSON.getNodeFactory().textNode(new String(in, StandardCharsets.UTF_8));
    }
    requests.add(new Request(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"), body));
    Response r = !ex.getRequestURI().getPath().endsWith("/chat/completions")
        ? new Response(404, Map.of(), "{\"error\":{\"message\":\"no such route\"}}")
        : !script.isEmpty() ? script.poll()
        : fallback != null ? fallback : new Response(500, Map.of(), "{\"error\":{\"message\":\"script exhausted\"}}");
    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
    r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
    try (var os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- scripted replies ----

  /** An assistant turn calling tools; each call is name then its arguments as a JSON object. */
  static Response toolCalls(String content, Object... nameThenArgs) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    if (content == null) {
      message.putNull("content");
    } else {
      message.put("content", content);
    }
    ArrayNode calls = message.putArray("tool_calls");
    for (int i = 0; i < nameThenArgs.length; i += 2) {
      ObjectNode call = calls.addObject().put("id", "call_" + (i / 2 + 1)).put("type", "function");
      call.putObject("function").put("name", (String) nameThenArgs[i])
          .put("arguments", JSON.valueToTree(nameThenArgs[i + 1]).toString());
    }
    return completion(message, "tool_calls");
  }

  /** The same reply without its {@code usage} object, as some endpoints send it. */
  static Response withoutUsage(Response r) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(r.body());
      root.remove("usage");
      return new Response(r.status(), r.headers(), root.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Response text(String content) {
    return completion(JSON.createObjectNode().put("role", "assistant").put("content", content), "stop");
  }

  static Response error(int status, String message, Map<String, String> headers) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", "scripted");
    return new Response(status, headers, body.toString());
  }

  private static Response completion(ObjectNode message, String finishReason) {
    ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-scripted").put("object", "chat.completion")
        .put("model", "scripted-model");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", finishReason);
    root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return new Response(200, Map.of(), root.toString());
  }
}
