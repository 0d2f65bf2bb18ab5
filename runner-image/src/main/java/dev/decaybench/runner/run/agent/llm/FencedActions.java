package dev.decaybench.runner.run.agent.llm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For models without native tool calls (mini-swe-agent style): a fenced {@code ```bash} (or
 * {@code sh}, {@code shell}) block is a command to run, and a line {@code FINISH} ends the
 * session. One command per reply: if there are several blocks, the first runs and the model is
 * told so.
 */
final class FencedActions {

  /** The command to run (null if none), how many blocks there were, and whether to finish. */
  record Action(String command, int blocks, boolean finish) {}

  private static final Pattern BLOCK = Pattern.compile(
      "```(?:bash|sh|shell)[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern FINISH_LINE = Pattern.compile(
      "(?m)^[ \\t>*_`]*FINISH[ \\t*_`.!]*$");

  private FencedActions() {}

  static Action parse(String content) {
    if (content == null) {
      return new Action(null, 0, false);
    }
    Matcher m = BLOCK.matcher(content);
    String first = null;
    int blocks = 0;
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (m.find()) {
      blocks++;
      if (first == null) {
        first = m.group(1).strip();
      }
      rest.append(content, last, m.start());
      last = m.end();
    }
    rest.append(content.substring(last));
    boolean finish = FINISH_LINE.matcher(rest).find();
    return new Action(first == null || first.isEmpty() ? null : first, blocks, finish);
  }
}
