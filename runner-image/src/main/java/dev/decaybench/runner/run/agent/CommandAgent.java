package dev.decaybench.runner.run.agent;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.sandbox.AgentShellSandbox;
import dev.decaybench.runner.util.BoundedLog;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs any agent CLI in the workspace: {@code {prompt}} in its arguments becomes the prompt
 * file's path; model settings and the API key come in an allow-listed environment (the key only
 * here, never to the app); its output, with the key redacted, is the trajectory. Confined where
 * the machine allows, as the LLM agent's shell ({@link AgentShellSandbox}): its own uid, the host
 * read-only, a model endpoint on this host's loopback reachable and nothing else there. What it
 * spent comes from the {@link UsageFile} it may write.
 */
public final class CommandAgent implements Agent {

  private static final long DEFAULT_TIMEOUT_SECONDS = 3600;

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException, InterruptedException {
    AgentSpec spec = ctx.spec();
    List<String> argv = new ArrayList<>();
    for (String arg : spec.getCommand()) {
      argv.add(arg.replace("{prompt}", ctx.promptFile().toString()));
    }
    try (AgentShellSandbox sandbox = AgentShellSandbox.forWorkspace(ctx.workspace())) {
      return solveIn(sandbox, argv, ctx);
    }
  }

  private AgentOutcome solveIn(AgentShellSandbox sandbox, List<String> argv, AgentContext ctx)
      throws IOException, InterruptedException {
    AgentSpec spec = ctx.spec();
    Path usageFile = UsageFile.of(ctx);
    Files.deleteIfExists(usageFile);  // only what this attempt reports
    Files.createFile(usageFile);
    sandbox.handOver(usageFile);
    sandbox.allowEndpoint(spec.getEndpoint());
    // the agent sees the workspace, the prompt, its usage file and what its command names (an
    // agent script with its directory); nothing else of decaybench's or of the host's homes
    List<Path> readOnly = new ArrayList<>(List.of(ctx.promptFile()));
    readOnly.addAll(namedPaths(argv, ctx));
    List<String> cmd = sandbox.confine(argv, readOnly, List.of(usageFile));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ctx.workspace().toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    if (sandbox.confined()) {
      // an allow-list, as for the app: the agent gets its settings and the key, nothing else
      env.clear();
      env.putAll(sandbox.environment(Map.of()));
    }
    // unconfined (a pod's agent container, whose environment the pod spec made): inherited
    env.put("DECAYBENCH_PROMPT_FILE", ctx.promptFile().toString());
    env.put("DECAYBENCH_TASK", ctx.task().name());
    env.put("DECAYBENCH_WORKSPACE", ctx.workspace().toString());
    env.put(UsageFile.ENV, usageFile.toString());
    putIfSet(env, "DECAYBENCH_MODEL", spec.getModel());
    putIfSet(env, "DECAYBENCH_ENDPOINT", spec.getEndpoint());
    putIfSet(env, "DECAYBENCH_MAX_STEPS", spec.getMaxSteps() == null ? null : spec.getMaxSteps().toString());
    String key = ApiKeys.lookup(spec);
    putIfSet(env, "DECAYBENCH_API_KEY", key);
    putIfSet(env, "OPENAI_API_KEY", key);
    BoundedLog log = new BoundedLog(256 * 1024, 768 * 1024);
    log.append("decaybench: " + sandbox.describe() + "\n");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.writeString(ctx.trajectoryFile(), "agent command could not start: " + e.getMessage() + "\n");
      return new AgentOutcome(127, null, false, "agent command could not start: " + e.getMessage());
    }
    p.getOutputStream().close();
    Thread drain = new Thread(() -> log.drain(p.getInputStream()), "agent-output");
    drain.start();
    long timeout = spec.getTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : spec.getTimeoutSeconds();
    boolean ended = p.waitFor(timeout, TimeUnit.SECONDS);
    if (!ended) {
      Processes.stopTree(p.toHandle(), 2000);
    }
    drain.join(5000);
    String trajectory = ApiKeys.redact(log.text(), key);
    AgentUsage usage = null;
    try {
      usage = UsageFile.read(usageFile);
    } catch (IOException e) {
      // a broken report is the agent's problem: no usage, and the trajectory says why
      trajectory += "\ndecaybench: " + e.getMessage() + "\n";
    }
    Files.writeString(ctx.trajectoryFile(), trajectory);
    AgentOutcome outcome = ended
        ? new AgentOutcome(p.exitValue(), null, p.exitValue() == 0, p.exitValue() == 0 ? null : "agent exited with " + p.exitValue())
        : new AgentOutcome(null, null, false, "agent stopped at its time limit of " + timeout + " s");
    return outcome.withUsage(usage);
  }

  /** Absolute paths in the command: a directory as is, a file with its directory. */
  private static List<Path> namedPaths(List<String> argv, AgentContext ctx) {
    List<Path> out = new ArrayList<>();
    for (String arg : argv) {
      if (!arg.startsWith("/") || arg.equals(ctx.promptFile().toString())) {
        continue;
      }
      Path p = Path.of(arg).normalize();
      Path dir = Files.isDirectory(p) ? p : Files.isRegularFile(p) ? p.getParent() : null;
      if (dir != null && !dir.equals(Path.of("/")) && !out.contains(dir)) {
        out.add(dir);
      }
    }
    return out;
  }

  private static void putIfSet(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }
}
