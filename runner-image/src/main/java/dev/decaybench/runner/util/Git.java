package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * git as decaybench runs it: never asks for credentials, runs no hooks or fsmonitor, and works in
 * directories that belong to another uid (a workspace handed to the agent's uid).
 */
public final class Git {

  private Git() {}

  /** Runs git in {@code dir}; a non-zero exit is an {@link IOException} with git's output. */
  public static String run(Path dir, long timeoutSeconds, String... args) throws IOException {
    Processes.Completed done = Processes.run(command(args), dir, null, timeoutSeconds);
    if (done.exitCode() != 0) {
      throw new IOException("git " + args[0] + " failed in " + dir + ": " + done.output().strip());
    }
    return done.output();
  }

  /** Runs git in {@code dir} and returns how it ended, for callers that decide themselves. */
  public static Processes.Completed attempt(Path dir, long timeoutSeconds, String... args) throws IOException {
    return Processes.run(command(args), dir, null, timeoutSeconds);
  }

  private static List<String> command(String... args) {
    // a prompt for a password would hang a trial: a private repository fails instead
    List<String> cmd = new ArrayList<>(List.of("env", "GIT_TERMINAL_PROMPT=0", "git",
        "-c", "safe.directory=*", "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false"));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
