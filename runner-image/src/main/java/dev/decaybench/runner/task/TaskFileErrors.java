package dev.decaybench.runner.task;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns Jackson's exceptions about a task file into one sentence a user can act on: which file,
 * which field, and what is allowed there (a raw Jackson message names Java classes instead).
 */
final class TaskFileErrors {

  private TaskFileErrors() {}

  /** The fields of decaybench's task format, in the documented order. */
  static List<String> knownFields() {
    return List.of(TaskDefinition.class.getAnnotation(JsonPropertyOrder.class).value());
  }

  static TaskException explain(JsonProcessingException e, String origin) {
    if (e instanceof UnrecognizedPropertyException u) {
      String path = path(u);
      boolean topLevel = !path.contains(".");
      List<String> known = topLevel ? knownFields() : u.getKnownPropertyIds().stream()
          .map(Objects::toString).sorted().toList();
      return new TaskException("task file " + origin + ": unknown field '" + path + "' (known fields"
          + (topLevel ? "" : " of '" + path.substring(0, path.lastIndexOf('.')) + "'") + ": "
          + String.join(", ", known) + "; docs/task-format.md)");
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String type = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
      return new TaskException("task file " + origin + ": field '" + path(m) + "' must be " + type
          + " (docs/task-format.md)");
    }
    JsonLocation at = e.getLocation();
    return new TaskException("task file " + origin + " is not valid JSON"
        + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
        + ": " + firstLine(e.getOriginalMessage()));
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list of strings";
    }
    return "an object";
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
