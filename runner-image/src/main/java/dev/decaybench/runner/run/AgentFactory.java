package dev.decaybench.runner.run;

import dev.decaybench.runner.run.agent.Agent;
import dev.decaybench.runner.run.agent.CommandAgent;
import dev.decaybench.runner.run.agent.GoldAgent;
import dev.decaybench.runner.run.agent.ReferenceAgent;
import dev.decaybench.runner.run.agent.ReplayAgent;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.run.agent.llm.LlmAgent;
import java.nio.file.Path;

/** The agent a run's spec asks for. */
public final class AgentFactory {

  private AgentFactory() {}

  public static Agent create(AgentSpec spec, Path manifestDir) {
    return switch (spec.getType()) {
      case REFERENCE -> new ReferenceAgent();
      case GOLD -> new GoldAgent();
      case REPLAY -> new ReplayAgent(manifestDir.resolve(spec.getReplayFrom()).normalize());
      case COMMAND -> new CommandAgent();
      case LLM -> new LlmAgent();
      case IMAGE -> throw new IllegalArgumentException("agent type 'image' runs only on a cluster"
          + " (decaybench operator); locally use 'command' with the same CLI");
    };
  }
}
