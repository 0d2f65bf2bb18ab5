package dev.decaybench.runner.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The few JavaScript rules the paper's Postman checks rely on, applied to Jackson nodes, so a
 * check passes here exactly when it passes in Newman ({@code hasOwnProperty}, {@code ||},
 * {@code Number.isInteger}, {@code >} with coercion, truthiness).
 */
public final class JsSemantics {

  private JsSemantics() {}

  /** {@code undefined} in JS: a property that is not there. */
  public static boolean isUndefined(JsonNode node) {
    return node == null || node.isMissingNode();
  }

  /** JS truthiness: null, false, 0, NaN, "" and undefined are falsy. */
  public static boolean truthy(JsonNode node) {
    if (isUndefined(node) || node.isNull()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      double d = node.doubleValue();
      return d != 0 && !Double.isNaN(d);
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    return true;
  }

  /** {@code obj.hasOwnProperty(key)}: only JSON objects have named own properties here. */
  public static boolean hasOwnProperty(JsonNode node, String key) {
    return node != null && node.isObject() && node.has(key);
  }

  /** {@code Number.isInteger(v)}: any finite JSON number with no fractional part (1.0 counts). */
  public static boolean isInteger(JsonNode node) {
    if (isUndefined(node) || !node.isNumber()) {
      return false;
    }
    if (node.isIntegralNumber()) {
      return true;
    }
    double d = node.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  /** {@code v > n} with JS's ToNumber coercion (strings, booleans, null, arrays). */
  public static boolean greaterThan(JsonNode node, double bound) {
    double v = toNumber(node);
    return !Double.isNaN(v) && v > bound;
  }

  static double toNumber(JsonNode node) {
    if (isUndefined(node)) {
      return Double.NaN;
    }
    if (node.isNull()) {
      return 0;
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? 1 : 0;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      return stringToNumber(node.textValue());
    }
    if (node.isArray()) {
      if (node.isEmpty()) {
        return 0;
      }
      JsonNode only = node.size() == 1 ? node.get(0) : null;
      if (only == null || only.isContainerNode() || only.isBoolean()) {
        return Double.NaN;
      }
      return toNumber(only);
    }
    return Double.NaN;
  }

  private static double stringToNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return 0;
    }
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return Long.parseLong(t.substring(2), 16);
      }
      if (t.equals("Infinity") || t.equals("+Infinity")) {
        return Double.POSITIVE_INFINITY;
      }
      if (t.equals("-Infinity")) {
        return Double.NEGATIVE_INFINITY;
      }
      if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
        return Double.NaN;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** {@code String(v)} as Postman stores a variable set from a response value. */
  public static String toVariableString(JsonNode node) {
    if (isUndefined(node)) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() && isInteger(node) && Math.abs(node.doubleValue()) < 1e21) {
      return Long.toString(node.longValue());
    }
    return node.toString();
  }

  /** Property access with JS's {@code ?.} and {@code ||{}} flavour: never null, maybe missing. */
  public static JsonNode get(JsonNode parent, String key) {
    if (parent == null || parent.isMissingNode() || parent.isNull()) {
      return MissingNode.getInstance();
    }
    if (parent.isArray() && key.chars().allMatch(Character::isDigit)) {
      return parent.path(Integer.parseInt(key));
    }
    return parent.isObject() ? parent.path(key) : MissingNode.getInstance();
  }
}
