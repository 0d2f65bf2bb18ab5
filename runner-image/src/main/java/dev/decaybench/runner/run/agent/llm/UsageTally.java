package dev.decaybench.runner.run.agent.llm;

import dev.decaybench.runner.run.agent.AgentUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up one trial's model replies and tool calls. Token totals are null when any reply came
 * without {@code usage}: a partial sum would understate the cost and look like a real figure.
 */
final class UsageTally {

  private long prompt;
  private long completion;
  private boolean tokensKnown = true;
  private int calls;
  private final Map<String, Integer> tools = new LinkedHashMap<>();

  void reply(ChatReply reply) {
    calls++;
    if (reply.promptTokens() == null || reply.completionTokens() == null) {
      tokensKnown = false;
    } else {
      prompt += reply.promptTokens();
      completion += reply.completionTokens();
    }
  }

  /** A tool call by its tool name ({@link ToolBox}) or a fenced ```bash block (shell). */
  void tool(String name) {
    String kind = switch (name) {
      case ToolBox.RUN_SHELL -> AgentUsage.SHELL;
      case ToolBox.WRITE_FILE -> AgentUsage.WRITE_FILE;
      case ToolBox.FINISH -> AgentUsage.FINISH;
      default -> "other";
    };
    tools.merge(kind, 1, Integer::sum);
  }

  AgentUsage usage() {
    return new AgentUsage(tokensKnown ? prompt : null, tokensKnown ? completion : null, calls, tools);
  }
}
