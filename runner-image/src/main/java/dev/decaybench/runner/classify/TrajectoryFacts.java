package dev.decaybench.runner.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent's trajectory shows: its actions (the commands it ran), how repetitive the last
 * of them are, whether it hit its step limit, died on an error, submitted, or said it was leaving
 * work undone; and, for tie-breaks, whether its last words are about queries or about writes.
 */
final class TrajectoryFacts {

  private static final Pattern ROLE = Pattern.compile("(?m)^\\[([A-Za-z][\\w -]{0,30})\\]\\s*$");
  private static final Pattern CODE = Pattern.compile("```[\\w-]*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SHELL_LINE = Pattern.compile("(?m)^\\$ (.+)$");
  private static final String SUBMIT = "COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT";
  private static final Pattern STEP_LIMIT = Pattern.compile(
      "LimitsExceeded|(?i:step limit|maximum number of (?:steps|turns|iterations)|max(?:imum)?[_ ]iterations"
      + "|reached the maximum|turn limit|MaxTurnsExceeded|too many steps)");
  private static final Pattern ABORT = Pattern.compile(
      "ContextWindowExceeded|context[_ ]length[_ ]exceeded|maximum context length|RateLimitError|APIConnectionError"
      + "|APIError|AuthenticationError|ServiceUnavailableError|InternalServerError|CostLimitExceeded"
      + "|(?i:cost limit|request timed out|agent (?:crashed|error)|budget exhausted|out of credits)");
  private static final Pattern NORMAL_END = Pattern.compile("(?i)submit|complet|success|finish|done|limit|exceeded|^0$");
  private static final Pattern GIVE_UP = Pattern.compile("(?i)remaining (?:endpoints|routes|features|handlers|parts)"
      + "|follows? the same pattern|i(?:'ll| will) (?:stop|finish|wrap up) here|due to (?:the )?(?:limited|remaining)"
      + "|left as (?:an exercise|todo)|for brevity|out of (?:steps|time|budget)|not (?:yet )?implemented");
  private static final Pattern QUERY_HINT = Pattern.compile(
      "\\bJOIN\\b|\\.join\\(|\\bWHERE\\b|\\bwhere:|\\.where\\(|\\.filter(?:_by)?\\(|\\bEXISTS\\b|\\bSELECT\\b|include:"
      + "|objects\\.filter|Op\\.\\w+");
  private static final Pattern STATE_HINT = Pattern.compile(
      "commit\\(|\\.save\\(|\\.build\\(|flush\\(|\\b\\w+_count\\b|increment|persist|session\\.add\\(|\\.destroy\\(");

  final List<String> actions = new ArrayList<>();
  String mostRepeated;
  int maxIdentical;
  int cyclePeriod;
  int cycleReps;
  String stepLimitLine;
  String abortLine;
  boolean submitted;
  String giveUpLine;
  int queryHints;
  int stateHints;

  private TrajectoryFacts() {}

  static TrajectoryFacts of(String text, String agentStatus) {
    TrajectoryFacts f = new TrajectoryFacts();
    String t = text == null ? "" : text;
    List<String[]> blocks = blocks(t);
    for (String[] b : blocks) {
      if (b[0].equals("assistant") || b[0].equals("ai") || b[0].equals("agent") || blocks.size() == 1) {
        f.collectActions(b[1]);
      }
    }
    f.submitted = t.contains(SUBMIT) || "submitted".equalsIgnoreCase(agentStatus);
    f.repetition();
    String status = agentStatus == null ? "" : agentStatus;
    String ending = status + "\n" + lastBlocks(blocks, 2);
    f.stepLimitLine = firstLine(STEP_LIMIT, ending);
    f.abortLine = firstLine(ABORT, ending);
    if (f.abortLine == null && !status.isBlank() && !NORMAL_END.matcher(status).find()) {
      f.abortLine = "agent exit status " + status.strip();
    }
    String lastAssistant = "";
    for (String[] b : blocks) {
      if (b[0].equals("assistant")) {
        lastAssistant = b[1];
      }
    }
    f.giveUpLine = firstLine(GIVE_UP, lastAssistant);
    String recent = t.length() > 12_000 ? t.substring(t.length() - 12_000) : t;
    f.queryHints = count(QUERY_HINT, recent);
    f.stateHints = count(STATE_HINT, recent);
    return f;
  }

  /** [role, content] blocks; one "text" block when the trajectory has no role markers. */
  private static List<String[]> blocks(String t) {
    List<String[]> out = new ArrayList<>();
    Matcher m = ROLE.matcher(t);
    int lastStart = -1;
    String lastRole = null;
    while (m.find()) {
      if (lastRole != null) {
        out.add(new String[] {lastRole, t.substring(lastStart, m.start())});
      }
      lastRole = m.group(1).toLowerCase(Locale.ROOT).strip();
      lastStart = m.end();
    }
    if (lastRole != null) {
      out.add(new String[] {lastRole, t.substring(lastStart)});
    } else if (!t.isBlank()) {
      out.add(new String[] {"text", t});
    }
    return out;
  }

  private void collectActions(String content) {
    Matcher m = CODE.matcher(content);
    boolean any = false;
    while (m.find()) {
      add(m.group(1));
      any = true;
    }
    if (!any) {
      Matcher s = SHELL_LINE.matcher(content);
      while (s.find()) {
        add(s.group(1));
      }
    }
  }

  private void add(String action) {
    String a = action.strip().replaceAll("\\s+", " ");
    if (!a.isEmpty() && !a.contains(SUBMIT)) {
      actions.add(a.length() > 500 ? a.substring(0, 500) : a);
    }
  }

  private void repetition() {
    List<String> tail = actions.subList(Math.max(0, actions.size() - 40), actions.size());
    Map<String, Integer> counts = new HashMap<>();
    for (String a : tail) {
      int c = counts.merge(a, 1, Integer::sum);
      if (c > maxIdentical) {
        maxIdentical = c;
        mostRepeated = a;
      }
    }
    int n = actions.size();
    for (int p = 1; p <= 3; p++) {
      int reps = 1;
      while (n - p * (reps + 1) >= 0 && actions.subList(n - p * (reps + 1), n - p * reps)
          .equals(actions.subList(n - p, n))) {
        reps++;
      }
      if (reps >= 2 && reps > cycleReps) {
        cycleReps = reps;
        cyclePeriod = p;
      }
    }
  }

  private static String lastBlocks(List<String[]> blocks, int k) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, blocks.size() - k); i < blocks.size(); i++) {
      String[] b = blocks.get(i);
      if (!b[0].equals("assistant")) {
        String c = b[1];
        sb.append(c.length() > 4000 ? c.substring(c.length() - 4000) : c).append('\n');
      }
    }
    return sb.toString();
  }

  private static String firstLine(Pattern p, String text) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return null;
    }
    int s = text.lastIndexOf('\n', m.start()) + 1;
    int e = text.indexOf('\n', m.end());
    return text.substring(s, e < 0 ? text.length() : e).strip();
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int c = 0;
    while (m.find()) {
      c++;
    }
    return c;
  }

  /** The last action of the repeating cycle, for evidence. */
  String cycleAction() {
    return actions.isEmpty() ? null : actions.get(actions.size() - 1);
  }
}
