package dev.decaybench.runner.run.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the agent phase ended: its exit code (commands), the steps it took, whether it finished on
 * its own, a note for the user (time limit, missing stored solution, ...), what it spent
 * ({@link AgentUsage}, null when unknown) and its wall time ({@code agentMs}, set by the phase).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentOutcome(Integer exitCode, Integer steps, boolean finished, String note,
    AgentUsage usage, Long agentMs) {

  /** An outcome without usage; the phase adds the wall time. */
  public AgentOutcome(Integer exitCode, Integer steps, boolean finished, String note) {
    this(exitCode, steps, finished, note, null, null);
  }

  public static AgentOutcome done(String note) {
    return new AgentOutcome(0, null, true, note);
  }

  public static AgentOutcome gaveUp(String note) {
    return new AgentOutcome(null, null, false, note);
  }

  public AgentOutcome withUsage(AgentUsage u) {
    return new AgentOutcome(exitCode, steps, finished, note, u, agentMs);
  }

  public AgentOutcome withAgentMs(long ms) {
    return new AgentOutcome(exitCode, steps, finished, note, usage, ms);
  }
}
