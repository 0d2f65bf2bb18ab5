package dev.decaybench.model.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an object against the openAPIV3Schema of a generated CRD with the networknt JSON schema
 * library, as the API server and kubectl's strict field validation would: types, required
 * fields, enums, bounds, patterns, sizes, and unknown fields (except under
 * {@code x-kubernetes-preserve-unknown-fields}). CEL rules ({@code x-kubernetes-validations})
 * are not evaluated. For the tests of every module (the api test-jar): every example must pass
 * here and in {@code ManifestReader}; the e2e suite checks the same on a real API server.
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
  private final Map<String, JsonSchema> schemasByVersion;

  private CrdSchemaValidator(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    this.group = spec.path("group").asText();
    this.kind = spec.path("names").path("kind").asText();
    this.schemasByVersion = new java.util.LinkedHashMap<>();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
    for (JsonNode version : spec.path("versions")) {
      schemasByVersion.put(version.path("name").asText(), factory.getSchema(
          strict(version.path("schema").path("openAPIV3Schema")), config));
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
    JsonSchema schema = version == null ? null : schemasByVersion.get(version);
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
      body.remove(header);
    }
    withoutNulls(body);
    schema.validate(body).stream().map(m -> dotted(m.getMessage())).sorted()
        .forEach(problems::add);
    return problems;
  }

  /** "/spec/tasks/levels/0: ..." as kubectl shows it: "spec.tasks.levels[0]: ...". */
  private static String dotted(String message) {
    int colon = message.indexOf(": ");
    if (!message.startsWith("/") && !message.startsWith(":") || colon < 0) {
      return message;
    }
    StringBuilder path = new StringBuilder();
    for (String part : message.substring(0, colon).split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        path.append('[').append(part).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(part);
      }
    }
    return (path.length() == 0 ? "(root)" : path) + message.substring(colon);
  }

  /**
   * The CRD's openAPIV3Schema as a JSON schema the library checks as the API server does:
   * objects with properties allow no other field (kubectl's strict validation; the server would
   * prune it), except under {@code x-kubernetes-preserve-unknown-fields}; the header fields are
   * checked above, not here.
   */
  private static JsonNode strict(JsonNode openApi) {
    JsonNode copy = openApi.deepCopy();
    closeObjects(copy);
    if (copy.path("properties").isObject()) {
      for (String header : HEADER_FIELDS) {
        ((ObjectNode) copy.get("properties")).remove(header);
      }
    }
    return copy;
  }

  private static void closeObjects(JsonNode schema) {
    if (schema.isArray()) {
      schema.forEach(CrdSchemaValidator::closeObjects);
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    ObjectNode o = (ObjectNode) schema;
    if (o.has("properties") && !o.has("additionalProperties")
        && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      o.put("additionalProperties", false);
    }
    o.fields().forEachRemaining(f -> closeObjects(f.getValue()));
  }

  /** The API server drops null fields of a non-nullable schema: so do we, before checking. */
  private static void withoutNulls(JsonNode node) {
    if (node.isObject()) {
      List<String> nulls = new ArrayList<>();
      node.fields().forEachRemaining(f -> {
        if (f.getValue().isNull()) {
          nulls.add(f.getKey());
        } else {
          withoutNulls(f.getValue());
        }
      });
      nulls.forEach(((ObjectNode) node)::remove);
    } else if (node.isArray()) {
      node.forEach(CrdSchemaValidator::withoutNulls);
    }
  }
}
