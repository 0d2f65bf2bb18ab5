package dev.decaybench.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an object against the openAPIV3Schema of a generated CRD, the part the API server
 * enforces that matters for manifests: {@code type}, {@code required}, {@code enum},
 * {@code minimum}/{@code maximum}, {@code pattern}, {@code minItems}/{@code maxItems},
 * {@code minLength}/{@code maxLength}, and unknown fields (rejected, as kubectl's strict field
 * validation does, except under {@code x-kubernetes-preserve-unknown-fields}). CEL rules
 * ({@code x-kubernetes-validations}) and formats are not evaluated. Used by tests of
 * {@code examples/}: every example must pass here and in {@code ManifestReader}.
 */
public final class CrdSchemaValidator {

  /** Classpath resources written by the crd-generator plugin (also committed under crds/). */
  public static final String EVALUATION_RUNS_CRD =
      "META-INF/fabric8/" + EvaluationRun.CRD_NAME + "-v1.yml";
  public static final String EVALUATION_TRIALS_CRD =
      "META-INF/fabric8/" + EvaluationTrial.CRD_NAME + "-v1.yml";

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final List<String> HEADER_FIELDS = List.of("apiVersion", "kind", "metadata");

  private final String group;
  private final String kind;
  private final Map<String, JsonNode> schemasByVersion;

  private CrdSchemaValidator(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    this.group = spec.path("group").asText();
    this.kind = spec.path("names").path("kind").asText();
    this.schemasByVersion = new java.util.LinkedHashMap<>();
    for (JsonNode version : spec.path("versions")) {
      schemasByVersion.put(version.path("name").asText(),
          version.path("schema").path("openAPIV3Schema"));
    }
    if (kind.isEmpty() || schemasByVersion.isEmpty()) {
      throw new IllegalArgumentException("not a CustomResourceDefinition with a schema");
    }
  }

  /** The EvaluationRun CRD from the classpath (this module's generated file). */
  public static CrdSchemaValidator forEvaluationRuns() {
    return fromClasspath(EVALUATION_RUNS_CRD);
  }

  /** The EvaluationTrial CRD from the classpath. */
  public static CrdSchemaValidator forEvaluationTrials() {
    return fromClasspath(EVALUATION_TRIALS_CRD);
  }

  public static CrdSchemaValidator fromClasspath(String resource) {
    try (InputStream in = CrdSchemaValidator.class.getClassLoader()
        .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (the"
            + " crd-generator-maven-plugin writes it in process-classes)");
      }
      return new CrdSchemaValidator(YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CrdSchemaValidator fromFile(Path crdYaml) {
    try {
      return fromYaml(Files.readString(crdYaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CrdSchemaValidator fromYaml(String crdYaml) {
    try {
      return new CrdSchemaValidator(YAML.readTree(crdYaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String kind() {
    return kind;
  }

  /**
   * Validates the YAML documents of this CRD's kind in {@code yaml} (others, e.g. a Secret, are
   * skipped). A YAML syntax error is reported as a problem.
   */
  public List<String> validateYaml(String yaml) {
    List<String> problems = new ArrayList<>();
    try {
      Iterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml);
      int found = 0;
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && kind.equals(doc.path("kind").asText())) {
          found++;
          problems.addAll(validate(doc));
        }
      }
      if (found == 0) {
        problems.add("no " + kind + " document");
      }
    } catch (IOException | RuntimeException e) {
      problems.add("YAML syntax error: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return problems;
  }

  /** Validates a model object (serialized with Jackson first). */
  public List<String> validateObject(Object resource) {
    return validate(YAML.valueToTree(resource));
  }

  /** Validates one object (apiVersion, kind, metadata, spec, ...); empty when it conforms. */
  public List<String> validate(JsonNode object) {
    List<String> problems = new ArrayList<>();
    if (object == null || !object.isObject()) {
      problems.add("expected an object");
      return problems;
    }
    String apiVersion = object.path("apiVersion").asText();
    String version = apiVersion.startsWith(group + "/")
        ? apiVersion.substring(group.length() + 1) : null;
    JsonNode schema = version == null ? null : schemasByVersion.get(version);
    if (schema == null) {
      problems.add("apiVersion: '" + apiVersion + "' is not served by this CRD (versions: "
          + String.join(", ", schemasByVersion.keySet().stream()
              .map(v -> group + "/" + v).toList()) + ")");
      return problems;
    }
    if (!kind.equals(object.path("kind").asText())) {
      problems.add("kind: must be " + kind);
    }
    ObjectNode body = object.deepCopy();
    for (String header : HEADER_FIELDS) {
      if (!schema.path("properties").has(header)) {
        body.remove(header);
      }
    }
    check("", body, schema, problems);
    return problems;
  }

  private static void check(String path, JsonNode value, JsonNode schema,
      List<String> problems) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return; // the API server drops nulls of non-nullable fields
    }
    String type = schema.path("type").asText("");
    String where = path.isEmpty() ? "(root)" : path;
    if (!type.isEmpty() && !hasType(value, type)) {
      problems.add(where + ": expected " + type + ", got " + describe(value));
      return;
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray()) {
      boolean match = false;
      for (JsonNode a : allowed) {
        match |= a.equals(value) || (a.isNumber() && value.isNumber()
            && a.decimalValue().compareTo(value.decimalValue()) == 0);
      }
      if (!match) {
        List<String> names = new ArrayList<>();
        allowed.forEach(a -> names.add(a.asText()));
        problems.add(where + ": unsupported value " + value + " (allowed: "
            + String.join(", ", names) + ")");
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.doubleValue() < schema.get("minimum").doubleValue()) {
        problems.add(where + ": " + value + " is less than the minimum "
            + number(schema.get("minimum")));
      }
      if (schema.has("maximum") && value.doubleValue() > schema.get("maximum").doubleValue()) {
        problems.add(where + ": " + value + " is greater than the maximum "
            + number(schema.get("maximum")));
      }
    }
    if (value.isTextual()) {
      String s = value.asText();
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText())
          .matcher(s).find()) {
        problems.add(where + ": '" + s + "' does not match " + schema.get("pattern").asText());
      }
      if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
        problems.add(where + ": shorter than " + schema.get("minLength").asInt());
      }
      if (schema.has("maxLength") && s.length() > schema.get("maxLength").asInt()) {
        problems.add(where + ": longer than " + schema.get("maxLength").asInt());
      }
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        problems.add(where + ": fewer than " + schema.get("minItems").asInt() + " items");
      }
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        problems.add(where + ": more than " + schema.get("maxItems").asInt() + " items");
      }
      JsonNode items = schema.get("items");
      if (items != null) {
        for (int i = 0; i < value.size(); i++) {
          check(path + "[" + i + "]", value.get(i), items, problems);
        }
      }
    }
    if (value.isObject()) {
      checkObject(path, value, schema, problems);
    }
  }

  private static void checkObject(String path, JsonNode value, JsonNode schema,
      List<String> problems) {
    String prefix = path.isEmpty() ? "" : path + ".";
    for (JsonNode required : schema.path("required")) {
      JsonNode v = value.get(required.asText());
      if (v == null || v.isNull()) {
        problems.add(prefix + required.asText() + ": required");
      }
    }
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String childPath = prefix + field.getKey();
      if (properties != null && properties.has(field.getKey())) {
        check(childPath, field.getValue(), properties.get(field.getKey()), problems);
      } else if (additional != null && additional.isObject()) {
        check(childPath, field.getValue(), additional, problems);
      } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
        problems.add(childPath + ": unknown field '" + field.getKey() + "'");
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber()
          || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    if (value.isTextual()) {
      return "string '" + value.asText() + "'";
    }
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
  }

  private static String number(JsonNode n) {
    double d = n.doubleValue();
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
