package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.metrics.TrialGrading;
import java.util.List;

/**
 * {@code trials/<id>/trial.json}, modelled once: where a trial sits in the run and how it ended.
 * The run loop ({@code LocalTrialRunner}) writes it last and atomically beside the evaluator's
 * result.json (a trial directory with it is finished: --resume skips it); the reports read it.
 * {@code status} is an outcome of {@code TrialGrading} ({@code evaluated}, {@code crashed},
 * {@code timed_out}; {@code error} then says why); any other status means the trial never
 * finished. {@code agentOutcome} is the agent's outcome as the agent phase recorded it (an
 * {@code AgentOutcome}: exit code, steps, note, usage, wall time), kept as JSON so a run
 * directory of an older or newer decaybench still reads; {@code evaluationMs} is the evaluator's
 * total, null when it did not end. Reading ignores unknown fields; missing ones stay null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "task", "framework", "level", "constraints", "repeat", "agent", "status",
    "agentOutcome", "error", "durationMs", "evaluationMs"})
public record TrialJson(
    String id,
    String task,
    String framework,
    Integer level,
    List<String> constraints,
    Integer repeat,
    String agent,
    String status,
    String error,
    JsonNode agentOutcome,
    Long durationMs,
    Long evaluationMs) {

  public static final String EVALUATED = TrialGrading.Outcome.EVALUATED.status();
  /** A harness error: left out of the metrics (TrialGrading). */
  public static final String CRASHED = TrialGrading.Outcome.HARNESS_ERROR.status();
  /** The trial passed its time limit: counts as A% 0 (TrialGrading). */
  public static final String TIMED_OUT = TrialGrading.Outcome.TIMED_OUT.status();

  /** Not evaluated: crashed or timed out. */
  @JsonIgnore
  public boolean unscored() {
    return !EVALUATED.equals(status);
  }
}
