package dev.decaybench.runner.engine;

import dev.decaybench.api.result.StartupInfo.CommandOutcome;
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
 * starts: registries are reachable, the host is not. A failing command is recorded, not fatal:
 * the paper goes on to start the app, which then fails in a way the classifier can name.
 */
final class SetupRunner {

  private static final long TIMEOUT_SECONDS = 600;

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
        default -> "failed";
      };
      outcomes.add(new CommandOutcome(cmd, done.exitCode(), ms, note));
    }
    return outcomes;
  }
}
