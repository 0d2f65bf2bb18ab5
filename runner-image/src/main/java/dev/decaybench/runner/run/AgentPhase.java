package dev.decaybench.runner.run;

import dev.decaybench.runner.run.workspace.TrialWorkspace;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.run.agent.Agent;
import dev.decaybench.runner.run.agent.AgentContext;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.task.TaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent half of a trial, shared by local runs and the pod's agent container: run the agent
 * in the prepared workspace, then keep its patch.
 */
public final class AgentPhase {

  private AgentPhase() {}

  public static AgentOutcome run(Agent agent, String trialId, TaskDefinition task, int repeat,
      Path workspace, Path promptFile, Path trajectoryFile, Path patchFile, AgentSpec spec)
      throws IOException, InterruptedException {
    AgentOutcome outcome;
    long start = System.nanoTime();
    try {
      outcome = agent.solve(new AgentContext(trialId, task, repeat, workspace, promptFile,
          trajectoryFile, spec));
    } catch (IOException | RuntimeException e) {
      // the agent broke, not the harness: recorded and evaluated like any other attempt
      outcome = new AgentOutcome(null, null, false, "agent failed: "
          + (e.getMessage() == null ? e.toString() : e.getMessage()));
      if (!Files.exists(trajectoryFile)) {
        Files.writeString(trajectoryFile, outcome.note() + "\n");
      }
    }
    TrialWorkspace.writePatch(workspace, patchFile);
    return outcome.withAgentMs((System.nanoTime() - start) / 1_000_000);
  }
}
