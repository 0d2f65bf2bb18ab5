package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which agent produces the solution of each trial. */
public enum AgentType {
  /** Writes the known-correct solution: the control trial that proves the harness. */
  @JsonProperty("reference") REFERENCE("reference"),
  /** Feature tasks: applies the reverse of the task's removal patch, the control of feature tasks. */
  @JsonProperty("gold") GOLD("gold"),
  /** Evaluates stored workspaces or patches from an earlier run ({@code replayFrom}). */
  @JsonProperty("replay") REPLAY("replay"),
  /** Runs an agent CLI ({@code command}) in the trial workspace. */
  @JsonProperty("command") COMMAND("command"),
  /** Runs an agent container image ({@code image}) in the trial pod. */
  @JsonProperty("image") IMAGE("image"),
  /** The built-in agent driving an OpenAI-compatible chat endpoint. */
  @JsonProperty("llm") LLM("llm");

  private final String value;

  AgentType(String value) {
    this.value = value;
  }

  /** The name used in manifests. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
