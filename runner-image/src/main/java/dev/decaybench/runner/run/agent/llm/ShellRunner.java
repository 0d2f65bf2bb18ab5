package dev.decaybench.runner.run.agent.llm;

import dev.decaybench.runner.util.BoundedLog;
import dev.decaybench.runner.run.agent.ApiKeys;
import dev.decaybench.runner.sandbox.AgentShellSandbox;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.SecretScrubber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the model's shell commands: {@code bash -c} in the workspace, in a session of its
 * own so that everything it started (servers sent to the background included) is stopped when it
 * ends or times out; stdin closed; output (stdout and stderr together) kept to its head and tail;
 * an environment without anything that looks like a secret, nor any variable holding the key.
 */
final class ShellRunner implements AutoCloseable {

  /**
   * How a command ended: exit code (null if it was stopped at its time limit), its output as
   * kept (head and tail), and how many bytes it printed in all.
   */
  record Result(Integer exitCode, String output, boolean timedOut, long outputBytes, boolean cut) {}

  private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
      || Files.isExecutable(Path.of("/bin/setsid"));

  private final Path workspace;
  private final String apiKey;
  private final int maxOutputBytes;
  private final AgentShellSandbox sandbox;

  ShellRunner(Path workspace, String apiKey, int maxOutputBytes) throws IOException {
    this(workspace, apiKey, maxOutputBytes, AgentShellSandbox.forWorkspace(workspace));
  }

  ShellRunner(Path workspace, String apiKey, int maxOutputBytes, AgentShellSandbox sandbox) {
    this.workspace = workspace;
    this.apiKey = apiKey;
    this.maxOutputBytes = maxOutputBytes;
    this.sandbox = sandbox;
  }

  AgentShellSandbox sandbox() {
    return sandbox;
  }

  @Override
  public void close() {
    sandbox.close();
  }

  Result run(String command, long timeoutSeconds) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(sandbox.command(command)).directory(workspace.toFile())
        .redirectErrorStream(true);
    Map<String, String> quiet = new java.util.LinkedHashMap<>();
    environment(quiet, apiKey);
    pb.environment().clear();
    pb.environment().putAll(sandbox.environment(quiet));
    BoundedLog log = new BoundedLog(maxOutputBytes / 2, maxOutputBytes - maxOutputBytes / 2);
    Process p = pb.start();
    p.getOutputStream().close();
    Thread drain = new Thread(() -> log.drain(p.getInputStream()), "llm-agent-shell");
    drain.setDaemon(true);
    drain.start();
    boolean ended = false;
    try {
      ended = p.waitFor(Math.max(1, timeoutSeconds), TimeUnit.SECONDS);
    } finally {
      stopSession(p);
      drain.join(3000);
    }
    String out = ApiKeys.redact(log.text(), apiKey);
    return new Result(ended ? p.exitValue() : null, out, !ended, log.totalBytes(), log.truncated());
  }

  /**
   * The agent's environment minus secrets and the key, plus settings that keep tools quiet; the
   * sandbox then keeps only its allow-list and these.
   */
  static void environment(Map<String, String> env, String apiKey) {
    SecretScrubber.scrub(env);
    if (apiKey != null && !apiKey.isEmpty()) {
      env.values().removeIf(v -> v.contains(apiKey));
    }
    env.put("PAGER", "cat");
    env.put("GIT_PAGER", "cat");
    env.put("MANPAGER", "cat");
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("PIP_PROGRESS_BAR", "off");
    env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
    env.put("TQDM_DISABLE", "1");
    env.put("NO_COLOR", "1");
    env.put("npm_config_fund", "false");
    env.put("npm_config_audit", "false");
    env.put("npm_config_progress", "false");
  }

  /**
   * Stops the command's session (it leads its own process group: setsid without a fork keeps its
   * pid), then whatever of its tree is left.
   */
  private static void stopSession(Process p) {
    if (SETSID) {
      groupSignal(p.pid(), "TERM");
    }
    Processes.stopTree(p.toHandle(), p.isAlive() ? 1000 : 0);
    if (SETSID) {
      groupSignal(p.pid(), "KILL");
    }
  }

  private static void groupSignal(long pgid, String signal) {
    try {
      Process k = new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      k.waitFor(2, TimeUnit.SECONDS);
    } catch (IOException e) {
      // no kill(1): stopTree above did what it could
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
