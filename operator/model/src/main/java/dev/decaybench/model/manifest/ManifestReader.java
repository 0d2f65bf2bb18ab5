package dev.decaybench.model.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * ({@link dev.decaybench.model.v1alpha1.EvaluationRunSpec#applyDefaults()}); semantic checks are
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
    return read(yaml, source, null);
  }

  // localParallelism: fills an absent spec.parallelism before the CRD defaults do (null: no)
  private static EvaluationRun read(String yaml, String source, Integer localParallelism)
      throws ManifestException {
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
      if (localParallelism != null && run.getSpec().getParallelism() == null) {
        run.getSpec().setParallelism(localParallelism);
      }
      run.getSpec().applyDefaults();
    }
    return run;
  }

  /** {@link #read(Path)} then {@link ManifestValidator#validate}: a run ready to execute. */
  public static EvaluationRun readValid(Path file) throws ManifestException {
    return readValid(readText(file), file.toString());
  }

  /**
   * {@link #readValid(Path)} for a local run: an absent {@code spec.parallelism} becomes
   * {@code localParallelism} (the CLI passes the number of cores) instead of the cluster's default.
   */
  public static EvaluationRun readValidLocal(Path file, int localParallelism)
      throws ManifestException {
    return validated(read(readText(file), file.toString(), localParallelism), file.toString());
  }

  /** {@link #read(String, String)} then {@link ManifestValidator#validate}. */
  public static EvaluationRun readValid(String yaml, String source) throws ManifestException {
    return validated(read(yaml, source), source);
  }

  private static EvaluationRun validated(EvaluationRun run, String source)
      throws ManifestException {
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
    return "YAML syntax error" + BindingProblems.at(e.getLocation()) + ": " + text;
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
    BindingProblems.Collector collector = new BindingProblems.Collector();
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
        collector.problems.add(BindingProblems.mappingMessage(e));
      } catch (JsonProcessingException e) {
        collector.problems.add(BindingProblems.streamMessage(e));
      }
    } catch (IOException e) {
      collector.problems.add("cannot parse: " + e.getMessage());
    }
    problems.addAll(collector.problems);
    return run;
  }
}
