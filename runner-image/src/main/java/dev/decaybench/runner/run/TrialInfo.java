package dev.decaybench.runner.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.decaybench.api.metrics.TrialGrading;
import dev.decaybench.runner.run.agent.AgentOutcome;
import java.util.List;

/**
 * {@code trial.json}: where a trial sits in the run and how it ended (the agent's outcome with
 * its usage and wall time; {@code evaluationMs}, the evaluator's total, null when it did not end). Written last and
 * atomically: a trial directory with it is finished (--resume skips it), without it is not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialInfo(
    String id,
    String task,
    String framework,
    int level,
    List<String> constraints,
    int repeat,
    String agent,
    String status,
    AgentOutcome agentOutcome,
    String error,
    long durationMs,
    Long evaluationMs) {

  public static final String EVALUATED = "evaluated";
  /** A harness error: left out of the metrics (TrialGrading). */
  public static final String CRASHED = TrialGrading.Outcome.HARNESS_ERROR.status();
  /** The trial passed its time limit: counts as A% 0 (TrialGrading). */
  public static final String TIMED_OUT = TrialGrading.Outcome.TIMED_OUT.status();

  /** Not evaluated: crashed or timed out. */
  public boolean unscored() {
    return !EVALUATED.equals(status);
  }
}
