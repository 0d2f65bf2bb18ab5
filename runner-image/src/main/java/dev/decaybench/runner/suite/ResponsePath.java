package dev.decaybench.runner.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A dotted path into a response body ({@code user.email}, {@code articles[0].tagList}), resolved
 * the way the Postman scripts do: {@code (body.user || {})} for an object parent and
 * {@code body.articles?.[0] ?? {}} for the first element.
 */
public final class ResponsePath {

  private ResponsePath() {}

  /** The value at {@code path}, or a missing node (JS {@code undefined}). */
  public static JsonNode value(JsonNode body, String path) {
    JsonNode node = body;
    for (String segment : segments(path)) {
      node = JsSemantics.get(objectOrEmpty(node), segment);
    }
    return node;
  }

  /** The object that owns the last segment of {@code path}, with {@code || {}} applied. */
  public static JsonNode parent(JsonNode body, String path) {
    String[] segments = segments(path);
    JsonNode node = body;
    for (int i = 0; i < segments.length - 1; i++) {
      node = JsSemantics.get(objectOrEmpty(node), segments[i]);
    }
    return objectOrEmpty(node);
  }

  public static String lastSegment(String path) {
    String[] segments = segments(path);
    return segments[segments.length - 1];
  }

  private static JsonNode objectOrEmpty(JsonNode node) {
    return JsSemantics.truthy(node) ? node : JsonNodeFactory.instance.objectNode();
  }

  private static String[] segments(String path) {
    return path.replace("[", ".").replace("]", "").split("\\.");
  }
}
