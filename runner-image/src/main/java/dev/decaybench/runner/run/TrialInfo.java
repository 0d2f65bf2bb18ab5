package dev.decaybench.runner.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.decaybench.runner.run.agent.AgentOutcome;
import java.util.List;

/**
 * {@code trial.json}: where a trial sits in the run and how it ended. Written last and
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
    long durationMs) {

  public static final String EVALUATED = "evaluated";
  public static final String CRASHED = "crashed";
}
