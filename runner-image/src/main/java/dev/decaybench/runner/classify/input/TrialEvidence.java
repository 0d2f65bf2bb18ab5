package dev.decaybench.runner.classify.input;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.WriteCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the classifier may look at for one failed trial. Only the failed requests are
 * essential; every other input may be empty. Text inputs are already cleaned and cut to their
 * last 256 KiB, lists are never null.
 *
 * @param source where it came from (a path, "sample #2", ...), for reports
 * @param task the task name when known (it names the framework), else null
 * @param requests requests of the suite in run order: the failed ones, and the passed ones too
 *     when {@code allRequestsListed}
 * @param allRequestsListed true when a request missing from {@code requests} did not run at all
 * @param suiteRan false when no test report exists (the paper's "No Newman CSV found"), null when unknown
 * @param serverLog the tail of the app's stdout and stderr
 * @param setupLog the tail of the dependency installation output
 * @param trajectory the agent's conversation as plain text ("[role]" blocks or free text)
 * @param agentStatus how the agent run ended (Submitted, LimitsExceeded, an error name), or null
 * @param verifiers the constraint checks, when known
 * @param healthy whether the health check passed, null when unknown
 * @param startupNotes facts about start-up: health verdict, exit code, failed setup commands
 * @param harnessError set when the harness itself failed (then nothing is the agent's fault)
 * @param workspace the agent's workspace, when available
 * @param inputProblems what could not be read, for the reason shown with the class
 * @param writes what the trial's database held right after the suite's writes (decaybench only)
 */
public record TrialEvidence(
    String source,
    String task,
    List<RequestOutcome> requests,
    boolean allRequestsListed,
    Boolean suiteRan,
    String serverLog,
    String setupLog,
    String trajectory,
    String agentStatus,
    List<VerifierFinding> verifiers,
    Boolean healthy,
    List<String> startupNotes,
    String harnessError,
    Path workspace,
    List<String> inputProblems,
    List<WriteCheck> writes) {

  /** Evidence without the database's word on writes (every source but decaybench's own trials). */
  public TrialEvidence(String source, String task, List<RequestOutcome> requests,
      boolean allRequestsListed, Boolean suiteRan, String serverLog, String setupLog,
      String trajectory, String agentStatus, List<VerifierFinding> verifiers, Boolean healthy,
      List<String> startupNotes, String harnessError, Path workspace, List<String> inputProblems) {
    this(source, task, requests, allRequestsListed, suiteRan, serverLog, setupLog, trajectory,
        agentStatus, verifiers, healthy, startupNotes, harnessError, workspace, inputProblems, List.of());
  }

  public TrialEvidence {
    source = source == null ? "" : source;
    requests = requests == null ? List.of() : List.copyOf(requests);
    serverLog = LogTail.clean(serverLog);
    setupLog = LogTail.clean(setupLog);
    trajectory = LogTail.clean(trajectory);
    agentStatus = agentStatus == null || agentStatus.isBlank() ? null : agentStatus.strip();
    verifiers = verifiers == null ? List.of() : List.copyOf(verifiers);
    startupNotes = startupNotes == null ? List.of() : List.copyOf(startupNotes);
    harnessError = harnessError == null || harnessError.isBlank() ? null : harnessError;
    inputProblems = inputProblems == null ? List.of() : List.copyOf(inputProblems);
    writes = writes == null ? List.of() : List.copyOf(writes);
  }

  /** A decaybench trial directory: result.json, server.log, setup.log and, if present, a trajectory. */
  public static TrialEvidence fromTrialDirectory(Path dir) {
    return TrialDirectoryReader.read(dir);
  }

  /** A result in memory (as {@code decaybench evaluate} has it) plus the app's log, which may be null. */
  public static TrialEvidence fromResult(TrialResult result, String serverLog) {
    return TrialDirectoryReader.fromResult(result, serverLog, "");
  }

  /** With the whole set-up log: a download that failed early is above the failed command's output tail. */
  public static TrialEvidence fromResult(TrialResult result, String serverLog, String setupLog) {
    return TrialDirectoryReader.fromResult(result, serverLog, setupLog);
  }

  /** A run of the paper's pipeline: Newman's JSON report, the server log and optionally the trajectory. */
  public static TrialEvidence fromNewmanReport(Path report, Path serverLog, Path trajectory) {
    return NewmanReportReader.read(report, serverLog, trajectory);
  }

  /** Failure samples in the paper's shape: one object or an array of them; one evidence per object. */
  public static List<TrialEvidence> fromSamples(Path json) {
    return SampleReader.read(json);
  }

  public List<RequestOutcome> failedRequests() {
    return requests.stream().filter(RequestOutcome::failed).toList();
  }

  public TrialEvidence withTrajectory(String text, String status) {
    return new TrialEvidence(source, task, requests, allRequestsListed, suiteRan, serverLog, setupLog,
        text, status == null ? agentStatus : status, verifiers, healthy, startupNotes, harnessError,
        workspace, inputProblems, writes);
  }

  /** The same evidence with the trajectory read from a file (plain text or a JSON trajectory). */
  public TrialEvidence withTrajectoryFile(Path file) {
    TrajectoryText.Loaded t = TrajectoryText.read(file);
    return t.text().isBlank() ? withProblem("no trajectory at " + file) : withTrajectory(t.text(), t.status());
  }

  /** The same evidence with the database's answer on the suite's writes. */
  public TrialEvidence withWrites(List<WriteCheck> checks) {
    return new TrialEvidence(source, task, requests, allRequestsListed, suiteRan, serverLog, setupLog,
        trajectory, agentStatus, verifiers, healthy, startupNotes, harnessError, workspace, inputProblems, checks);
  }

  public TrialEvidence withWorkspace(Path dir) {
    return new TrialEvidence(source, task, requests, allRequestsListed, suiteRan, serverLog, setupLog,
        trajectory, agentStatus, verifiers, healthy, startupNotes, harnessError, dir, inputProblems, writes);
  }

  TrialEvidence withProblem(String problem) {
    List<String> p = new ArrayList<>(inputProblems);
    p.add(problem);
    return new TrialEvidence(source, task, requests, allRequestsListed, suiteRan, serverLog, setupLog,
        trajectory, agentStatus, verifiers, healthy, startupNotes, harnessError, workspace, p, writes);
  }

  /** True when there is nothing at all to reason about. */
  public boolean isEmpty() {
    return requests.isEmpty() && suiteRan == null && verifiers.isEmpty() && serverLog.isBlank()
        && setupLog.isBlank() && trajectory.isBlank() && healthy == null && harnessError == null
        && agentStatus == null;
  }
}
