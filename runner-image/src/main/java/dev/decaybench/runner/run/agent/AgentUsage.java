package dev.decaybench.runner.run.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What an agent spent on one trial: tokens and model calls, and its tool calls by kind
 * ({@code shell}, {@code writeFile}, {@code finish}). A value the agent could not know is null,
 * never 0: a missing count must not read as a free trial.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentUsage(Long promptTokens, Long completionTokens, Integer llmCalls,
    Map<String, Integer> toolCalls) {

  public static final String SHELL = "shell";
  public static final String WRITE_FILE = "writeFile";
  public static final String FINISH = "finish";

  public AgentUsage {
    toolCalls = toolCalls == null ? null : Map.copyOf(toolCalls);
  }
}
