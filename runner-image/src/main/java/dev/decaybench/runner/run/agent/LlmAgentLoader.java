package dev.decaybench.runner.run.agent;

import dev.decaybench.api.v1alpha1.AgentSpec;

/** Placeholder seam for the built-in LLM agent (own issue section); fails clearly until present. */
final class LlmAgentLoader {

  private LlmAgentLoader() {}

  static Agent create(AgentSpec spec) {
    throw new IllegalArgumentException("the built-in llm agent is not available in this build");
  }
}
