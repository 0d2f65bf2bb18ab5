package dev.decaybench.runner.run.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the agent phase ended: its exit code (commands), the steps it took, whether it finished on
 * its own, and a note for the user (time limit, missing stored solution, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentOutcome(Integer exitCode, Integer steps, boolean finished, String note) {

  public static AgentOutcome done(String note) {
    return new AgentOutcome(0, null, true, note);
  }

  public static AgentOutcome gaveUp(String note) {
    return new AgentOutcome(null, null, false, note);
  }
}
