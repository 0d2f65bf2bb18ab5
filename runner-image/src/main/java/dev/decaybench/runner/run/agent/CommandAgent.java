package dev.decaybench.runner.run.agent;

import dev.decaybench.model.v1alpha1.AgentSpec;
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
 * file's path; model settings and the API key come in the environment (the key only here, never
 * to the app); its output, with the key redacted, is the trajectory. What it spent comes from the
 * {@link UsageFile} it may write.
 */
public final class CommandAgent implements Agent {

  private static final long DEFAULT_TIMEOUT_SECONDS = 3600;

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException, InterruptedException {
    AgentSpec spec = ctx.spec();
    List<String> cmd = new ArrayList<>();
    for (String arg : spec.getCommand()) {
      cmd.add(arg.replace("{prompt}", ctx.promptFile().toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ctx.workspace().toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("DECAYBENCH_PROMPT_FILE", ctx.promptFile().toString());
    env.put("DECAYBENCH_TASK", ctx.task().name());
    env.put("DECAYBENCH_WORKSPACE", ctx.workspace().toString());
    Path usageFile = UsageFile.of(ctx);
    Files.deleteIfExists(usageFile);  // only what this attempt reports
    env.put(UsageFile.ENV, usageFile.toString());
    putIfSet(env, "DECAYBENCH_MODEL", spec.getModel());
    putIfSet(env, "DECAYBENCH_ENDPOINT", spec.getEndpoint());
    putIfSet(env, "DECAYBENCH_MAX_STEPS", spec.getMaxSteps() == null ? null : spec.getMaxSteps().toString());
    String key = ApiKeys.lookup(spec);
    putIfSet(env, "DECAYBENCH_API_KEY", key);
    putIfSet(env, "OPENAI_API_KEY", key);
    BoundedLog log = new BoundedLog(256 * 1024, 768 * 1024);
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

  private static void putIfSet(Map<String, String> env, String name, String value) {
    if (value != null) {
      env.put(name, value);
    }
  }
}
