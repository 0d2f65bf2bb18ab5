package dev.decaybench.runner.run.agent;

import java.io.IOException;

/** Writes a solution for one trial into its workspace. */
public interface Agent {

  /** Never throws for the agent's own failures: those are outcomes, classified later. */
  AgentOutcome solve(AgentContext context) throws IOException, InterruptedException;
}
