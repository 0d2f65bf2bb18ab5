package dev.decaybench.runner.classify.facts;

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
 * work undone.
 */
public final class TrajectoryFacts {

  private static final Pattern ROLE = Pattern.compile("(?m)^\\[([A-Za-z][\\w -]{0,30})\\]\\s*$");
  private static final Pattern CODE = Pattern.compile("```[\\w-]*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern SHELL_LINE = Pattern.compile("(?m)^\\$ (.+)$");
  private static final String SUBMIT = "COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT";
  private static final Pattern STEP_LIMIT = Pattern.compile(
      "LimitsExceeded|(?i:step limit|maximum number of (?:steps|turns|iterations)|max(?:imum)?[_ ]iterations"
      + "|reached the maximum|turn limit|MaxTurnsExceeded|too many steps)");
  /** decaybench's own agents end a run that ran out of time with this note (trajectory, trial.json). */
  private static final Pattern TIME_LIMIT = Pattern.compile("agent stopped at its time limit of \\d+ s");
  /**
   * How an agent run that died says so: the error name at the start of a line (as the harness
   * prints it), not anywhere in a command's output, where "InternalServerError" or "APIError"
   * may just be part of the app's own code or log.
   */
  private static final Pattern ABORT = Pattern.compile(
      "(?m)^\\s*(?:[\\w.]+\\.)?(?:ContextWindowExceeded\\w*|RateLimitError|APIConnectionError|APIError|AuthenticationError"
      + "|ServiceUnavailableError|CostLimitExceeded\\w*|BadRequestError)\\b(?!\\s*\\()"
      + "|(?m)^\\s*litellm\\.\\w+|context[_ ]length[_ ]exceeded|maximum context length"
      + "|(?i:cost limit (?:reached|exceeded)|agent (?:crashed|error)|budget exhausted|out of credits)");
  private static final Pattern NORMAL_END = Pattern.compile("(?i)submit|complet|success|finish|done|limit|exceeded|^0$");
  private static final Pattern GIVE_UP = Pattern.compile("(?i)remaining (?:endpoints|routes|features|handlers|parts)"
      + "|follows? the same pattern|i(?:'ll| will) (?:stop|finish|wrap up) here|due to (?:the )?(?:limited|remaining)"
      + "|left as (?:an exercise|todo)|for brevity|out of (?:steps|time|budget)|not (?:yet )?implemented");

  final List<String> actions = new ArrayList<>();
  /** The observation (next non-assistant turn) of each action; "" when unknown. */
  final List<String> observations = new ArrayList<>();
  public String mostRepeated;
  public int maxIdentical;
  public int cyclePeriod;
  public int cycleReps;
  /** Whether the repeated actions also got (nearly) the same output every time: no progress. */
  public boolean cycleSameOutput;
  public boolean mostRepeatedSameOutput;
  public String stepLimitLine;
  public String timeLimitLine;
  public String abortLine;
  public boolean submitted;
  private boolean submitAction;
  public String giveUpLine;

  private TrajectoryFacts() {}

  static TrajectoryFacts of(String text, String agentStatus) {
    TrajectoryFacts f = new TrajectoryFacts();
    String t = text == null ? "" : text;
    List<String[]> blocks = blocks(t);
    for (int i = 0; i < blocks.size(); i++) {
      String[] b = blocks.get(i);
      if (b[0].equals("assistant") || b[0].equals("ai") || b[0].equals("agent") || blocks.size() == 1) {
        int before = f.actions.size();
        f.collectActions(b[1]);
        if (f.actions.size() > before && i + 1 < blocks.size() && !isAssistant(blocks.get(i + 1)[0])) {
          f.observations.set(f.observations.size() - 1, normalise(blocks.get(i + 1)[1]));
        }
      }
    }
    // the command in an action, not the mention of it in the task prompt that starts a short trajectory
    f.submitted = f.submitAction || "submitted".equalsIgnoreCase(agentStatus)
        || (blocks.size() <= 1 && t.contains(SUBMIT));
    f.repetition();
    String status = agentStatus == null ? "" : agentStatus;
    String ending = status + "\n" + lastBlocks(blocks, 2);
    f.stepLimitLine = firstLine(STEP_LIMIT, ending);
    f.timeLimitLine = firstLine(TIME_LIMIT, ending);
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
    if (a.contains(SUBMIT)) {
      submitAction = true;
    }
    if (!a.isEmpty() && !a.contains(SUBMIT)) {
      actions.add(a.length() > 500 ? a.substring(0, 500) : a);
      observations.add("");
    }
  }

  private static boolean isAssistant(String role) {
    return role.equals("assistant") || role.equals("ai") || role.equals("agent");
  }

  /** An observation with numbers (timings, ids, line numbers) blanked, for comparing outputs. */
  private static String normalise(String text) {
    String t = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    return t.replaceAll("[0-9]+", "#").replaceAll("[ \\t]+", " ").strip();
  }

  /** Two outputs are the same for loop purposes when most of their distinct lines are shared. */
  static boolean similar(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    java.util.Set<String> x = new java.util.HashSet<>(List.of(a.split("\n")));
    java.util.Set<String> y = new java.util.HashSet<>(List.of(b.split("\n")));
    java.util.Set<String> union = new java.util.HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return !union.isEmpty() && x.size() * 10 >= union.size() * 6;
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
    if (cycleReps >= 2) {
      cycleSameOutput = true;
      for (int i = n - cyclePeriod * cycleReps; i + cyclePeriod < n; i++) {
        cycleSameOutput &= similar(observations.get(i), observations.get(i + cyclePeriod));
      }
    }
    if (mostRepeated != null) {
      String first = null;
      mostRepeatedSameOutput = true;
      for (int i = Math.max(0, n - 40); i < n; i++) {
        if (actions.get(i).equals(mostRepeated)) {
          if (first == null) {
            first = observations.get(i);
          } else {
            mostRepeatedSameOutput &= similar(first, observations.get(i));
          }
        }
      }
    }
  }

  /**
   * The last {@code k} turns that are not the agent's own and not a command's output: what the
   * harness said at the end (a step limit, an error). A command's output may mention any error
   * name without the run having died.
   */
  private static String lastBlocks(List<String[]> blocks, int k) {
    StringBuilder sb = new StringBuilder();
    for (int i = Math.max(0, blocks.size() - k); i < blocks.size(); i++) {
      String[] b = blocks.get(i);
      boolean observation = blocks.size() > 1 && (b[0].equals("tool") || b[1].contains("<returncode>")
          || b[1].stripLeading().startsWith("<output>"));
      if (!isAssistant(b[0]) && !observation) {
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

  /** The last action of the repeating cycle, for evidence. */
  public String cycleAction() {
    return actions.isEmpty() ? null : actions.get(actions.size() - 1);
  }
}
