package dev.decaybench.runner.run.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The assistant's turn in an OpenAI-compatible chat completion: its text (may be null), the tool
 * calls it asked for, why it stopped, and token usage when the endpoint reports it.
 */
public record ChatReply(String content, List<ToolCall> toolCalls, String finishReason,
    Integer promptTokens, Integer completionTokens) {

  /** One function call; {@code arguments} is the JSON text the model produced. */
  public record ToolCall(String id, String name, String arguments) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public ChatReply {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  /**
   * Reads a 2xx body. An {@code error} object or a body without choices is a failed call, which
   * may help to retry (gateways report upstream hiccups this way).
   */
  static ChatReply parse(String body) throws ChatException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new ChatException(0, "the endpoint answered with something that is not JSON: "
          + excerpt(body), true);
    }
    if (root == null || !root.isObject()) {
      throw new ChatException(0, "the endpoint answered with an unexpected body: " + excerpt(body), true);
    }
    if (root.hasNonNull("error")) {
      JsonNode err = root.get("error");
      String msg = err.isTextual() ? err.asText() : err.path("message").asText(err.toString());
      throw new ChatException(0, "the endpoint reported an error: " + excerpt(msg), true);
    }
    JsonNode choice = root.path("choices").path(0);
    if (!choice.isObject()) {
      throw new ChatException(0, "the endpoint's reply has no choices: " + excerpt(body), true);
    }
    JsonNode message = choice.path("message");
    String content = message.path("content").isTextual() ? message.get("content").asText() : null;
    List<ToolCall> calls = new ArrayList<>();
    int n = 0;
    for (JsonNode call : message.path("tool_calls")) {
      n++;
      JsonNode fn = call.path("function");
      JsonNode args = fn.path("arguments");
      // most servers send the arguments as a JSON string; a few send the object itself
      String argText = args.isTextual() ? args.asText() : args.isMissingNode() || args.isNull() ? "{}"
          : args.toString();
      String id = call.path("id").asText("");
      calls.add(new ToolCall(id.isEmpty() ? "call_" + n : id, fn.path("name").asText(""), argText));
    }
    JsonNode usage = root.path("usage");
    return new ChatReply(content, calls, choice.path("finish_reason").asText(null),
        usage.path("prompt_tokens").isInt() ? usage.get("prompt_tokens").asInt() : null,
        usage.path("completion_tokens").isInt() ? usage.get("completion_tokens").asInt() : null);
  }

  static String excerpt(String text) {
    if (text == null) {
      return "(empty)";
    }
    String s = text.strip().replaceAll("\\s+", " ");
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
