package dev.decaybench.model.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson's binding problems into the manifest reader's messages: field path, what was
 * expected, what was given, the YAML line, and a "did you mean" for near-misses.
 */
final class BindingProblems {

  private BindingProblems() {}

  static String mappingMessage(JsonMappingException e) {
    String path = pathOf(e.getPath());
    String where = path.isEmpty() ? "" : path + ": ";
    if (e instanceof InvalidFormatException ife) {
      Class<?> target = ife.getTargetType();
      if (target != null && target.isEnum()) {
        return where + unknownEnum(target, ife.getValue()) + at(e.getLocation());
      }
      return where + "expected " + typeName(target) + ", got " + quote(ife.getValue())
          + at(e.getLocation());
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      String got = mie.getProcessor() instanceof JsonParser p ? ", got " + describeToken(p) : "";
      return where + "expected " + typeName(mie.getTargetType()) + got + at(e.getLocation());
    }
    String original = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
    return where + plain(original) + at(e.getLocation());
  }

  static String streamMessage(JsonProcessingException e) {
    String path = "";
    if (e.getProcessor() instanceof JsonParser p) {
      path = pathOf(p.getParsingContext());
    }
    String original = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage();
    return (path.isEmpty() ? "" : path + ": ") + plain(original) + at(e.getLocation());
  }

  /** First line of a Jackson message, with the common number overflow said plainly. */
  private static String plain(String original) {
    String first = original.lines().findFirst().orElse("").trim();
    if (first.startsWith("Numeric value (") && first.contains(") out of range")) {
      String number = first.substring("Numeric value (".length(), first.indexOf(')'));
      return "the number " + number + " is too large";
    }
    return first;
  }

  /** The value at the parser's position, for "got ..." in messages. */
  private static String describeToken(JsonParser p) {
    JsonToken t = p.currentToken();
    try {
      return switch (t == null ? JsonToken.NOT_AVAILABLE : t) {
        case START_OBJECT, FIELD_NAME -> "a mapping";
        case START_ARRAY -> "a list";
        case VALUE_STRING -> "'" + p.getText() + "' (a string)";
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        default -> "something else";
      };
    } catch (IOException e) {
      return "something else";
    }
  }

  private static String quote(Object value) {
    if (value instanceof String s) {
      return "'" + s + "' (a string)";
    }
    return String.valueOf(value);
  }

  static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class || type == Float.class
        || type == float.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ", Names.enumValues(type));
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a mapping of fields";
  }

  static String unknownEnum(Class<?> enumType, Object value) {
    List<String> known = Names.enumValues(enumType);
    String given = String.valueOf(value);
    return "unknown " + Names.enumLabel(enumType) + " '" + given + "' (known: "
        + String.join(", ", known) + ")" + Names.didYouMean(given, known);
  }

  static String at(JsonLocation location) {
    if (location == null || location.getLineNr() <= 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ")";
  }

  private static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** "spec.tasks.frameworks[1]" for the parser's current position. */
  static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray() && c.getCurrentIndex() >= 0) {
        parts.add(0, "[" + c.getCurrentIndex() + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.add(0, "." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** Context of the value at the parser's position (not the container it just opened). */
  private static JsonStreamContext valueContext(JsonParser p) {
    JsonStreamContext c = p.getParsingContext();
    JsonToken t = p.currentToken();
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && c.getParent() != null) {
      return c.getParent();
    }
    return c;
  }

  /** Turns binding problems into messages and goes on, so that one pass reports them all. */
  static final class Collector extends DeserializationProblemHandler {
    final List<String> problems = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      String path = pathOf(valueContext(p));
      List<String> known = deserializer.getKnownPropertyNames().stream()
          .map(String::valueOf).sorted().toList();
      String hint = Names.closest(propertyName, known)
          .map(s -> "did you mean '" + s + "'? ").orElse("");
      problems.add(path + ": unknown field '" + propertyName + "' (" + hint + "known here: "
          + String.join(", ", known) + ")" + at(p.currentLocation()));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
        String valueToConvert, String failureMsg) {
      return unknownEnumValue(ctxt, targetType, valueToConvert);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
        Number valueToConvert, String failureMsg) {
      return unknownEnumValue(ctxt, targetType, valueToConvert);
    }

    /** An enum given a value it does not have: noted, bound as null, binding goes on. */
    private Object unknownEnumValue(DeserializationContext ctxt, Class<?> targetType, Object value) {
      if (!targetType.isEnum()) {
        return NOT_HANDLED;
      }
      JsonParser p = ctxt.getParser();
      problems.add(pathOf(valueContext(p)) + ": " + unknownEnum(targetType, value)
          + at(p.currentLocation()));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType,
        JsonToken t, JsonParser p, String failureMsg) throws IOException {
      if (targetType.isPrimitive()) {
        return NOT_HANDLED;
      }
      problems.add(pathOf(valueContext(p)) + ": expected " + typeName(targetType.getRawClass())
          + ", got " + describeToken(p) + at(p.currentLocation()));
      p.skipChildren();
      return null;
    }
  }
}
