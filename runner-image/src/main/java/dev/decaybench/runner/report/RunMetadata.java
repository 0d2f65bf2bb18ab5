package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.runner.util.Json;

/**
 * What a run was, as {@code run.json}'s {@code metadata} records it. Every field is optional.
 *
 * @param name the run's name (the EvaluationRun's metadata.name, or the directory name)
 * @param agent agent type or name ({@code reference}, {@code llm}, ...); the CSV's agent column
 * @param model the model; the CSV's model column
 * @param suite task suite, e.g. {@code constraint-decay}
 * @param repeats trials per task as configured: the k of pass@k and pass^k in run.json and the
 *     reports (when absent: the largest number of trials of one task)
 * @param startedAt RFC 3339 time the run started
 * @param finishedAt RFC 3339 time the run finished
 * @param decaybenchVersion version of decaybench that ran it
 * @param spec the EvaluationRun spec as given (no secrets: it holds only key references)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"name", "agent", "model", "suite", "repeats", "startedAt", "finishedAt",
    "decaybenchVersion", "spec"})
public record RunMetadata(
    String name,
    String agent,
    String model,
    String suite,
    Integer repeats,
    String startedAt,
    String finishedAt,
    String decaybenchVersion,
    JsonNode spec) {

  /**
   * The metadata of an EvaluationRun: its name, agent type, model, suite, repeats (3 when the spec
   * leaves them out) and the spec itself.
   */
  public static RunMetadata of(EvaluationRun run, String startedAt, String finishedAt) {
    EvaluationRunSpec spec = run.getSpec();
    AgentSpec agent = spec == null ? null : spec.getAgent();
    return new RunMetadata(
        run.getMetadata() == null ? null : run.getMetadata().getName(),
        agent == null || agent.getType() == null ? null : agent.getType().value(),
        agent == null ? null : agent.getModel(),
        spec == null || spec.getTasks() == null ? null : spec.getTasks().getSuite(),
        spec == null || spec.getRepeats() == null ? 3 : spec.getRepeats(),
        startedAt, finishedAt, null,
        spec == null ? null : Json.mapper().valueToTree(spec));
  }

  /** Metadata that knows only the run's name. */
  public static RunMetadata named(String name) {
    return new RunMetadata(name, null, null, null, null, null, null, null, null);
  }
}
