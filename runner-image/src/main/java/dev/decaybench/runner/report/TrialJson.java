package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code trials/<id>/trial.json}: where a trial sits in the run and how it ended, written by the
 * run loop next to the evaluator's result.json. {@code status} is an outcome of
 * {@code TrialGrading} ({@code evaluated}, {@code crashed}, {@code timed_out}, {@code error} then
 * says why); any other status means the trial never finished.
 * This is the reports' reading view: unknown fields (the run loop also records the agent's
 * outcome and the duration: kept as they are) are ignored, missing ones stay null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "task", "framework", "level", "constraints", "repeat", "agent", "status", "error",
    "agentOutcome", "durationMs", "evaluationMs"})
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

  public static final String EVALUATED = "evaluated";
  public static final String CRASHED = "crashed";
}
