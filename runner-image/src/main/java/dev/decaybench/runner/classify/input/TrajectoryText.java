package dev.decaybench.runner.classify.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns an agent trajectory into the plain text the classifier reads: "[role]\ncontent" blocks.
 * Understands plain text, the paper's {@code {"status", "trajectories": [{role, content}]}},
 * mini-swe-agent's {@code {"info": {"exit_status"}, "messages": [...]}} and a bare message array.
 */
final class TrajectoryText {

  /** The text and, when the file says so, how the agent run ended. */
  record Loaded(String text, String status) {
    static final Loaded NONE = new Loaded("", null);
  }

  /** Files a trial directory may hold a trajectory in, first match wins. */
  static final List<String> CANDIDATES = List.of("trajectory.json", "trajectory.txt", "trajectory.log",
      "mini/trajectory.json", "agent/trajectory.json", "trajectory.md");

  private static final long MAX_JSON_BYTES = 32L * 1024 * 1024;

  private TrajectoryText() {}

  static Loaded find(Path dir) {
    for (String c : CANDIDATES) {
      Path p = dir.resolve(c);
      if (Files.isRegularFile(p)) {
        return read(p);
      }
    }
    return Loaded.NONE;
  }

  static Loaded read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Loaded.NONE;
    }
    try {
      if (Files.size(file) <= MAX_JSON_BYTES) {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      // unreadable as UTF-8 or too big to parse: fall back to the cleaned tail below
    }
    return new Loaded(LogTail.read(file), null);
  }

  /** Raw text: JSON when it parses as a known trajectory shape, plain text otherwise. */
  static Loaded parse(String raw) {
    if (raw == null) {
      return Loaded.NONE;
    }
    String t = raw.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        Loaded l = fromJson(Json.mapper().readTree(t));
        if (l != null) {
          return l;
        }
      } catch (IOException | RuntimeException e) {
        // not JSON after all: plain text
      }
    }
    return new Loaded(LogTail.clean(raw), null);
  }

  /** A trajectory already parsed as JSON; null when the shape is not one we know. */
  static Loaded fromJson(JsonNode node) {
    if (node == null) {
      return null;
    }
    JsonNode messages = null;
    String status = null;
    if (node.isArray()) {
      messages = node;
    } else if (node.isObject()) {
      for (String key : List.of("trajectories", "messages", "trajectory", "history")) {
        if (node.path(key).isArray()) {
          messages = node.path(key);
          break;
        }
      }
      status = firstText(node.path("status"), node.path("exit_status"), node.path("info").path("exit_status"));
    }
    if (messages == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode m : messages) {
      String role = m.path("role").asText(m.path("type").asText("unknown"));
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      sb.append('[').append(role).append("]\n").append(content(m.path("content")));
    }
    return new Loaded(LogTail.clean(sb.toString()), status);
  }

  private static String content(JsonNode c) {
    if (c.isTextual()) {
      return c.asText();
    }
    if (c.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : c) {
        sb.append(part.isTextual() ? part.asText() : part.path("text").asText("")).append('\n');
      }
      return sb.toString().strip();
    }
    return c.isMissingNode() || c.isNull() ? "" : c.toString();
  }

  private static String firstText(JsonNode... nodes) {
    for (JsonNode n : nodes) {
      if (n.isTextual() && !n.asText().isBlank()) {
        return n.asText();
      }
    }
    return null;
  }
}
