package dev.decaybench.api.manifest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a run manifest: the YAML of one {@code EvaluationRun} (apiVersion
 * {@code decaybench.dev/v1alpha1}), exactly what {@code kubectl apply} takes. Shared by the CLI
 * ({@code decaybench run -f}) and the operator's tests.
 *
 * <p>Strict like the API server with field validation: unknown fields, unknown enum values,
 * wrong types (a quoted "3" for an integer) and duplicate keys are problems, reported with the
 * field's path and line. A file with several YAML documents (e.g. a Secret and the run) is
 * accepted when exactly one of them is an EvaluationRun. Defaults are applied to the result
 * ({@link dev.decaybench.api.v1alpha1.EvaluationRunSpec#applyDefaults()}); semantic checks are
 * {@link ManifestValidator}'s, and {@link #readValid(Path)} does both.
 */
public final class ManifestReader {

  /** Source name used in messages when the manifest is given as a string. */
  public static final String STRING_SOURCE = "<manifest>";
  /** Larger files are refused: a run manifest is a few kilobytes. */
  public static final long MAX_BYTES = 1024 * 1024;

  private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      // like the API server: a number or boolean is not a string ("model: 4" is an error)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .build();

  private ManifestReader() {}

  /** Reads the manifest file; see the class comment. */
  public static EvaluationRun read(Path file) throws ManifestException {
    return read(readText(file), file.toString());
  }

  /** Reads a manifest given as YAML text. */
  public static EvaluationRun read(String yaml) throws ManifestException {
    return read(yaml, STRING_SOURCE);
  }

  /** Reads a manifest given as YAML text; {@code source} names it in messages. */
  public static EvaluationRun read(String yaml, String source) throws ManifestException {
    List<JsonNode> documents = parseDocuments(yaml, source);
    int index = selectDocument(documents, source);
    List<String> problems = checkHeader(documents.get(index));
    if (!problems.isEmpty()) {
      throw new ManifestException(source, problems);
    }
    EvaluationRun run = bind(yaml, index, problems);
    if (!problems.isEmpty()) {
      throw new ManifestException(source, problems);
    }
    if (run.getSpec() != null) {
      run.getSpec().applyDefaults();
    }
    return run;
  }

  /** {@link #read(Path)} then {@link ManifestValidator#validate}: a run ready to execute. */
  public static EvaluationRun readValid(Path file) throws ManifestException {
    return readValid(readText(file), file.toString());
  }

  /** {@link #read(String, String)} then {@link ManifestValidator#validate}. */
  public static EvaluationRun readValid(String yaml, String source) throws ManifestException {
    EvaluationRun run = read(yaml, source);
    List<String> problems = ManifestValidator.validate(run);
    if (!problems.isEmpty()) {
      throw new ManifestException(source, problems);
    }
    return run;
  }

  private static String readText(Path file) throws ManifestException {
    String source = file.toString();
    try {
      if (Files.isDirectory(file)) {
        throw new ManifestException(source, "is a directory, not a manifest file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ManifestException(source, "too large for a run manifest ("
            + Files.size(file) + " bytes, at most " + MAX_BYTES + ")");
      }
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new ManifestException(source, "no such file");
    } catch (CharacterCodingException e) {
      throw new ManifestException(source, "not UTF-8 text");
    } catch (IOException e) {
      throw new ManifestException(source, "cannot read: " + e.getMessage());
    }
  }

  // ---- pass 1: YAML documents as trees ----

  private static List<JsonNode> parseDocuments(String yaml, String source)
      throws ManifestException {
    if (yaml == null || yaml.isBlank()) {
      throw new ManifestException(source, emptyMessage());
    }
    List<JsonNode> documents = new ArrayList<>();
    try (JsonParser p = MAPPER.createParser(yaml)) {
      while (p.nextToken() != null) {
        documents.add(MAPPER.readTree(p));
      }
    } catch (JsonProcessingException e) {
      throw new ManifestException(source, syntaxMessage(e));
    } catch (IOException e) {
      throw new ManifestException(source, "cannot parse: " + e.getMessage());
    }
    return documents;
  }

  private static String emptyMessage() {
    return "the manifest is empty (expected apiVersion: " + EvaluationRun.API_VERSION
        + ", kind: " + EvaluationRun.KIND + ", metadata and spec)";
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // SnakeYAML: "while parsing X\n in 'reader', line..\n  snippet\n  ^\nPROBLEM\n in ..."
    List<String> sentences = original.lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .map(String::trim).toList();
    String text;
    if (sentences.isEmpty()) {
      text = "invalid YAML";
    } else if (sentences.get(0).startsWith("Duplicate field")) {
      text = "duplicate key" + sentences.get(0).substring("Duplicate field".length());
    } else if (sentences.size() >= 2) {
      text = sentences.get(sentences.size() - 1) + " (" + sentences.get(0) + ")";
    } else {
      text = sentences.get(0);
    }
    return "YAML syntax error" + at(e.getLocation()) + ": " + text;
  }

  private static int selectDocument(List<JsonNode> documents, String source)
      throws ManifestException {
    List<Integer> present = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      JsonNode d = documents.get(i);
      if (d != null && !d.isNull() && !d.isMissingNode()) {
        present.add(i);
      }
    }
    if (present.isEmpty()) {
      throw new ManifestException(source, emptyMessage());
    }
    if (present.size() == 1) {
      return present.get(0);
    }
    List<Integer> runs = present.stream()
        .filter(i -> EvaluationRun.KIND.equals(documents.get(i).path("kind").asText(null)))
        .toList();
    if (runs.size() == 1) {
      return runs.get(0);
    }
    if (runs.isEmpty()) {
      String kinds = present.stream()
          .map(i -> documents.get(i).path("kind").asText("(no kind)"))
          .collect(Collectors.joining(", "));
      throw new ManifestException(source, "none of the " + present.size()
          + " YAML documents is an " + EvaluationRun.KIND + " (kinds: " + kinds + ")");
    }
    throw new ManifestException(source, "the file holds " + runs.size() + " "
        + EvaluationRun.KIND + " documents (documents "
        + runs.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "))
        + "); give one run per file");
  }

  private static List<String> checkHeader(JsonNode doc) {
    List<String> problems = new ArrayList<>();
    if (!doc.isObject()) {
      problems.add("expected a mapping with apiVersion, kind, metadata and spec (got "
          + describe(doc) + ")");
      return problems;
    }
    JsonNode apiVersion = doc.get("apiVersion");
    if (apiVersion == null || apiVersion.isNull()) {
      problems.add("apiVersion: required (" + EvaluationRun.API_VERSION + ")");
    } else if (!EvaluationRun.API_VERSION.equals(apiVersion.asText())
        || !apiVersion.isTextual()) {
      String got = apiVersion.asText();
      String hint = got.startsWith(EvaluationRun.GROUP + "/")
          ? "; this decaybench reads version " + EvaluationRun.VERSION : "";
      problems.add("apiVersion: must be " + EvaluationRun.API_VERSION + " (got '" + got + "'"
          + hint + ")");
    }
    JsonNode kind = doc.get("kind");
    if (kind == null || kind.isNull()) {
      problems.add("kind: required (" + EvaluationRun.KIND + ")");
    } else if (!EvaluationRun.KIND.equals(kind.asText()) || !kind.isTextual()) {
      problems.add("kind: must be " + EvaluationRun.KIND + " (got '" + kind.asText() + "')");
    }
    return problems;
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isTextual()) {
      return "the string '" + node.asText() + "'";
    }
    return node.toString();
  }

  // ---- pass 2: bind the chosen document, collecting problems ----

  private static EvaluationRun bind(String yaml, int index, List<String> problems) {
    Collector collector = new Collector();
    EvaluationRun run = null;
    try (JsonParser p = MAPPER.createParser(yaml)) {
      for (int i = 0; i <= index; i++) {
        p.nextToken();
        if (i < index) {
          p.skipChildren();
        }
      }
      try {
        run = MAPPER.readerFor(EvaluationRun.class).withHandler(collector).readValue(p);
      } catch (JsonMappingException e) { // described while the parser is still open
        collector.problems.add(mappingMessage(e));
      } catch (JsonProcessingException e) {
        collector.problems.add(streamMessage(e));
      }
    } catch (IOException e) {
      collector.problems.add("cannot parse: " + e.getMessage());
    }
    problems.addAll(collector.problems);
    return run;
  }

  private static String mappingMessage(JsonMappingException e) {
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

  private static String streamMessage(JsonProcessingException e) {
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

  private static String at(JsonLocation location) {
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
  private static final class Collector extends DeserializationProblemHandler {
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
        String valueToConvert, String failureMsg) throws IOException {
      if (targetType.isEnum()) {
        JsonParser p = ctxt.getParser();
        problems.add(pathOf(valueContext(p)) + ": " + unknownEnum(targetType, valueToConvert)
            + at(p.currentLocation()));
        return null;
      }
      return NOT_HANDLED;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
        Number valueToConvert, String failureMsg) throws IOException {
      if (targetType.isEnum()) {
        JsonParser p = ctxt.getParser();
        problems.add(pathOf(valueContext(p)) + ": " + unknownEnum(targetType, valueToConvert)
            + at(p.currentLocation()));
        return null;
      }
      return NOT_HANDLED;
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
