package dev.decaybench.runner.engine;

import dev.decaybench.model.result.StartupInfo.CommandOutcome;
import dev.decaybench.runner.sandbox.TrialSandbox;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the task's set-up commands (dependency installs) in the trial's sandbox, before the app
 * starts: registries are reachable, the host is not. A failing command is recorded with the end
 * of its output, not fatal: the app is still started and scored, but the trial is no success
 * (the task's set-up is part of building the app) and the classifier says why.
 */
final class SetupRunner {

  private static final long TIMEOUT_SECONDS = 600;
  static final int TAIL_LINES = 20;
  static final int TAIL_CHARS = 2000;

  List<CommandOutcome> run(TrialSandbox sandbox, List<String> commands, Map<String, String> env,
      Path log) throws IOException {
    List<CommandOutcome> outcomes = new ArrayList<>();
    for (String cmd : commands) {
      long start = System.currentTimeMillis();
      Processes.Completed done = sandbox.setup(cmd, env, TIMEOUT_SECONDS);
      long ms = System.currentTimeMillis() - start;
      Files.writeString(log, "$ " + cmd + "\n" + done.output() + "\n[exit " + done.exitCode() + "]\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      String note = switch (done.exitCode()) {
        case 0 -> null;
        case -1 -> "timed out after " + TIMEOUT_SECONDS + " s";
        case 127 -> "command not found on this machine";
        default -> "failed with exit code " + done.exitCode();
      };
      // the tail travels in result.json so the console and the classifier can say why
      outcomes.add(new CommandOutcome(cmd, done.exitCode(), ms, note,
          done.exitCode() == 0 ? null : tail(done.output())));
    }
    return outcomes;
  }

  /** The last {@link #TAIL_LINES} lines of a command's output, at most {@link #TAIL_CHARS} characters. */
  static String tail(String output) {
    List<String> lines = output == null ? List.of() : output.strip().lines().toList();
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    return tail.length() <= TAIL_CHARS ? tail : tail.substring(tail.length() - TAIL_CHARS);
  }
}
