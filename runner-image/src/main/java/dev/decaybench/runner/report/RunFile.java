package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.metrics.UsageReport;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code RUN_DIR/run.json}: the run's metadata, its metrics and one record per trial (docs/metrics.md).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param generatedAt RFC 3339 time the file was written
 * @param counts trials found, evaluated, crashed
 * @param usage what the counted trials cost: tokens, calls, cost, time, per success
 * @param trials every trial: id, status, error, directory relative to the run, and its record
 * @param warnings what could not be read (missing or broken files, unfinished trials)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "generatedAt", "metadata", "counts", "metrics", "usage", "trials",
    "warnings"})
public record RunFile(
    int schemaVersion,
    String generatedAt,
    RunMetadata metadata,
    Counts counts,
    RunMetricsReport metrics,
    UsageReport usage,
    List<Trial> trials,
    List<String> warnings) {

  public static final int SCHEMA_VERSION = 1;
  public static final String FILE_NAME = "run.json";

  /** Trial totals. */
  public record Counts(int trials, int evaluated, int crashed) {}

  /** One trial in run.json. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonPropertyOrder({"id", "status", "error", "dir", "usage", "record"})
  public record Trial(String id, String status, String error, String dir, TrialUsage usage, TrialRecord record) {}

  private static final ObjectMapper LENIENT =
      Json.mapper().copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The project's JSON mapper, tolerant of fields it does not know (newer or foreign files). */
  static ObjectMapper lenient() {
    return LENIENT;
  }

  /** The metadata of an existing run.json, if the file is there and readable. */
  public static Optional<RunMetadata> readMetadata(Path runDir) {
    Path file = runDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode meta = lenient().readTree(file.toFile()).get("metadata");
      return meta == null || meta.isNull() ? Optional.empty()
          : Optional.of(lenient().treeToValue(meta, RunMetadata.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The whole run.json, or empty when it is missing or unreadable. */
  public static Optional<RunFile> read(Path runDir) {
    Path file = runDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(lenient().readValue(file.toFile(), RunFile.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
