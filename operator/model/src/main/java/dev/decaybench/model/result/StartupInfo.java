package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What happened before the suite ran: setup commands, whether the app process was still alive,
 * how the health check ended, for built-in Python tasks where the app's packages came from
 * ({@code index}: requirements.txt installed in set-up; {@code system}: the machine's own), and
 * {@code stoppedAnswering} when the suite gave up on an app that let several requests in a row
 * time out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartupInfo(
    List<CommandOutcome> setup,
    String runCommand,
    Integer appExitCode,
    String healthCheck,
    long healthWaitMs,
    long logBytes,
    boolean logTruncated,
    String pythonPackages,
    String stoppedAnswering) {

  /** Without a package source: non-Python tasks, and results written before it was recorded. */
  public StartupInfo(List<CommandOutcome> setup, String runCommand, Integer appExitCode,
      String healthCheck, long healthWaitMs, long logBytes, boolean logTruncated) {
    this(setup, runCommand, appExitCode, healthCheck, healthWaitMs, logBytes, logTruncated, null, null);
  }

  /**
   * One setup command and how it ended; {@code outputTail} is the end of its output, kept only
   * when it failed (the full output is in setup.log).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CommandOutcome(String command, Integer exitCode, long durationMs, String note,
      String outputTail) {

    public boolean failed() {
      return exitCode != null && exitCode != 0;
    }
  }

  /** True when every set-up command ended with exit code 0 (none ran counts as true). */
  public boolean setupSucceeded() {
    return setup == null || setup.stream().noneMatch(CommandOutcome::failed);
  }
}
