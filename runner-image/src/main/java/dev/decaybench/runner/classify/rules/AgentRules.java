package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.PREMATURE_TERMINATION;
import static dev.decaybench.runner.classify.model.Taxonomy.STUCK_IN_LOOP;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.TrajectoryFacts;
import dev.decaybench.runner.classify.input.ConduitCollection;
import dev.decaybench.runner.classify.input.ConduitCollection.Group;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Rules about the agent's own run: loops, crashes, step limits, missing deliverables, stubs. */
final class AgentRules {

  private AgentRules() {}

  /** The trial failed in some visible way (so an agent-level cause can explain it). */
  static boolean outcomeFailed(Facts f) {
    TrialEvidence e = f.evidence;
    return !f.requests.isEmpty() || Boolean.FALSE.equals(e.suiteRan()) || Boolean.FALSE.equals(e.healthy());
  }

  /**
   * agent-loop: the run ended inside a loop: the last actions repeat (same command, or a short
   * cycle of commands) and keep getting the same output. Only when the agent did not submit, and
   * either hit its step limit or left an app that never answered: an agent that got out of the
   * loop, or an app whose requests fail for a readable reason, is judged by the outcome instead.
   */
  static Verdict loop(Facts f) {
    TrajectoryFacts t = f.trajectory;
    boolean limit = t.stepLimitLine != null;
    boolean dead = !f.requests.anyAnswered() || Boolean.FALSE.equals(f.evidence.suiteRan());
    if (t.submitted || !(limit || dead)) {
      return null;
    }
    boolean cycle = t.cycleSameOutput && t.cycleReps >= (t.cyclePeriod == 1 ? (limit ? 3 : 4) : 3);
    boolean spread = t.mostRepeatedSameOutput && t.maxIdentical >= (limit ? 5 : 6);
    if (!(cycle || spread) || !outcomeFailed(f)) {
      return null;
    }
    Evidence ev = new Evidence();
    if (cycle) {
      ev.add("trajectory: the last " + (t.cyclePeriod == 1 ? "action" : t.cyclePeriod + " actions")
          + " repeated " + t.cycleReps + " times in a row: " + t.cycleAction());
    } else {
      ev.add("trajectory: one action run " + t.maxIdentical + " times in the last 40: " + t.mostRepeated);
    }
    ev.add(limit ? "trajectory: " + t.stepLimitLine : null);
    ev.rows(f.requests.roots(), 2);
    return Verdict.of(STUCK_IN_LOOP, limit ? 0.9 : 0.8, ev.list());
  }

  /** agent-aborted: the agent run ended on an error (context window, API, cost limit). */
  static Verdict aborted(Facts f) {
    String line = f.trajectory.abortLine;
    if (line == null || !outcomeFailed(f)) {
      return null;
    }
    return Verdict.of(PREMATURE_TERMINATION, 0.85, new Evidence()
        .add("agent run ended on an error: " + line)
        .add(f.evidence.agentStatus() == null ? null : "agent status: " + f.evidence.agentStatus())
        .rows(f.requests.roots(), 2).list());
  }

  /** no-run-script: run.sh does not exist (or the workspace is nearly empty): never finished. */
  static Verdict noRunScript(Facts f) {
    LogFacts.Hit h = f.log.first(Kind.MISSING_RUN_SCRIPT);
    Path ws = f.evidence.workspace();
    boolean wsMissing = ws != null && Files.isDirectory(ws) && !Files.exists(ws.resolve("run.sh"));
    long files = ws != null && Files.isDirectory(ws) ? sourceFiles(ws) : -1;
    boolean fewFiles = files >= 0 && files < 3;
    if ((h == null && !wsMissing && !fewFiles) || f.requests.anyAnswered()) {
      return null;
    }
    return Verdict.of(PREMATURE_TERMINATION, 0.8, new Evidence().hit(h)
        .add(wsMissing ? "workspace has no run.sh" : null)
        .add(fewFiles ? "workspace holds only " + files + " file(s)" : null)
        .add(f.trajectory.submitted ? "trajectory: the agent submitted anyway" : null).list());
  }

  private static long sourceFiles(Path ws) {
    try (Stream<Path> s = Files.walk(ws, 6)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> ws.relativize(p).toString().split("[/\\\\]")[0].matches("[^.].*"))
          .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains(".venv"))
          .limit(10).count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** step-limit: the agent ran out of steps (without repeating itself). */
  static Verdict stepLimit(Facts f) {
    if (f.trajectory.stepLimitLine == null || !outcomeFailed(f)) {
      return null;
    }
    return Verdict.of(PREMATURE_TERMINATION, 0.7, new Evidence()
        .add("agent stopped at its step limit: " + f.trajectory.stepLimitLine)
        .rows(f.requests.roots(), 3).list());
  }

  /** time-limit: decaybench stopped the agent at its time limit; what it left is unfinished. */
  static Verdict timeLimit(Facts f) {
    if (f.trajectory.timeLimitLine == null || !outcomeFailed(f)) {
      return null;
    }
    return Verdict.of(PREMATURE_TERMINATION, 0.8, new Evidence()
        .add("trajectory: " + f.trajectory.timeLimitLine)
        .rows(f.requests.roots(), 3).list());
  }

  /** Whether at least one asserted request of the collection passed or answered 2xx. */
  static boolean somethingWorked(Facts f) {
    if (f.requests.rows().stream().anyMatch(r -> r.request().success2xx())) {
      return true;
    }
    if (f.requests.allListed()) {
      return f.evidence.requests().stream().anyMatch(r -> !r.failed() && r.success2xx());
    }
    long asserted = ConduitCollection.entries().stream().filter(e -> e.checks() > 0).count();
    long failed = f.requests.rows().stream().filter(r -> r.entry().known()).map(r -> r.entry().index()).distinct().count();
    return failed < asserted;
  }

  /** stub-submitted: nearly every route group answers 404, the app is a stub. */
  static Verdict stubSubmitted(Facts f) {
    List<Row> missing = f.requests.rows().stream()
        .filter(r -> r.symptom() == RequestFacts.Symptom.NOT_FOUND || r.symptom() == RequestFacts.Symptom.NOT_ALLOWED)
        .toList();
    Set<Group> groups = EnumSet.noneOf(Group.class);
    missing.forEach(r -> groups.add(r.entry().group()));
    groups.remove(Group.OTHER);
    if (groups.size() < 5 || missing.size() < 15 || missing.size() < 0.7 * f.requests.rows().size()) {
      return null;
    }
    if (!somethingWorked(f)) {
      return null; // not even registration answers: the router was never mounted (route-group-missing)
    }
    boolean words = f.trajectory.giveUpLine != null;
    return Verdict.of(PREMATURE_TERMINATION, words ? 0.85 : 0.7, new Evidence()
        .add(missing.size() + " requests answered 404/405 across " + groups.size() + " route groups " + groups)
        .add(words ? "trajectory: " + f.trajectory.giveUpLine : null)
        .rows(missing, 3).list());
  }
}
