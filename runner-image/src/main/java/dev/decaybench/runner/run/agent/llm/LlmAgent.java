package dev.decaybench.runner.run.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.run.agent.Agent;
import dev.decaybench.runner.run.agent.AgentContext;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.run.agent.ApiKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Locale;

/**
 * The built-in agent (in the spirit of mini-swe-agent): a system prompt, the task prompt, then up
 * to {@code maxSteps} model replies, each tool call run in the workspace and its result sent back.
 * It ends when the model calls {@code finish} (or writes {@code FINISH}), replies without any
 * action, reaches the step limit, or runs out of time. Steps are model replies.
 */
public final class LlmAgent implements Agent {

  public static final int DEFAULT_MAX_STEPS = 40;
  public static final long DEFAULT_TIMEOUT_SECONDS = 3600;
  static final long SHELL_TIMEOUT_SECONDS = 120;
  static final int MAX_OUTPUT_BYTES = 10 * 1024;
  private static final String SYSTEM_PROMPT = "/agent/llm-system-prompt.md";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String explicitKey;
  private final ChatClient.Settings settings;

  /** The agent of a run: the key comes from the environment ({@link ApiKeys#lookup}). */
  public LlmAgent() {
    this(null, ChatClient.Settings.defaults());
  }

  /** {@code apiKey} null means: look it up in the environment at each trial. */
  public LlmAgent(String apiKey, ChatClient.Settings settings) {
    this.explicitKey = apiKey;
    this.settings = settings;
  }

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException, InterruptedException {
    AgentSpec spec = ctx.spec();
    String key = explicitKey != null ? explicitKey : ApiKeys.lookup(spec);
    int maxSteps = spec.getMaxSteps() == null ? DEFAULT_MAX_STEPS : spec.getMaxSteps();
    long timeout = spec.getTimeoutSeconds() == null ? DEFAULT_TIMEOUT_SECONDS : spec.getTimeoutSeconds();
    Instant deadline = Instant.now().plusSeconds(timeout);
    try (Transcript log = new Transcript(ctx.trajectoryFile(), key)) {
      ChatClient client;
      try {
        client = new ChatClient(spec.getEndpoint(), spec.getModel(), key, settings);
      } catch (IllegalArgumentException e) {
        log.note("cannot start: " + e.getMessage());
        return new AgentOutcome(null, 0, false, "llm agent: " + e.getMessage());
      }
      client.onRetry(m -> log.note("retrying: " + m));
      log.note("decaybench llm agent: model " + spec.getModel() + " at " + client.uri() + ", at most "
          + maxSteps + " steps and " + timeout + " s" + (key == null ? "; no API key found (looked"
          + " for the apiKeySecretRef variable and DECAYBENCH_API_KEY), calling without one" : ""));
      AgentOutcome outcome;
      UsageTally tally = new UsageTally();
      try (ShellRunner shell = new ShellRunner(ctx.workspace(), key, MAX_OUTPUT_BYTES)) {
        log.note("sandbox: " + shell.sandbox().describe());
        Session session = new Session(client, log, new ToolBox(ctx.workspace(), shell), deadline, tally);
        outcome = session.run(maxSteps, timeout, systemPrompt(maxSteps),
            Files.readString(ctx.promptFile(), StandardCharsets.UTF_8));
      }
      log.note("end: " + (outcome.finished() ? "finished" : "not finished") + " after "
          + outcome.steps() + " step(s)" + (outcome.note() == null ? "" : "; " + outcome.note()));
      return new AgentOutcome(null, outcome.steps(), outcome.finished(), ApiKeys.redact(outcome.note(), key))
          .withUsage(tally.usage());
    }
  }

  static String systemPrompt(int maxSteps) throws IOException {
    try (InputStream in = LlmAgent.class.getResourceAsStream(SYSTEM_PROMPT)) {
      if (in == null) {
        throw new IOException("resource " + SYSTEM_PROMPT + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{max_steps}}", Integer.toString(maxSteps))
          .replace("{{shell_timeout}}", Long.toString(SHELL_TIMEOUT_SECONDS));
    }
  }

  /** One trial's conversation. */
  private record Session(ChatClient client, Transcript log, ToolBox tools,
      Instant deadline, UsageTally tally) {

    AgentOutcome run(int maxSteps, long timeout, String system, String task) throws InterruptedException {
      ArrayNode messages = JSON.createArrayNode();
      messages.addObject().put("role", "system").put("content", system);
      messages.addObject().put("role", "user").put("content", task);
      log.section("system", system);
      log.section("user", task);
      ArrayNode toolDefs = ToolBox.definitions();
      int steps = 0;
      while (true) {
        if (!Instant.now().isBefore(deadline)) {
          return new AgentOutcome(null, steps, false, timeLimit(timeout));
        }
        if (steps >= maxSteps) {
          return new AgentOutcome(null, steps, false, "step limit " + maxSteps + " reached");
        }
        ChatReply reply;
        try {
          reply = client.complete(messages, toolDefs, deadline);
        } catch (ChatException e) {
          if (toolDefs != null && steps == 0 && e.status() == 400
              && e.getMessage().toLowerCase(Locale.ROOT).contains("tool")) {
            log.note("the endpoint refused tool definitions (" + e.getMessage() + "); continuing"
                + " with fenced ```bash blocks");
            toolDefs = null;
            continue;
          }
          log.note("model call failed: " + e.getMessage());
          return new AgentOutcome(null, steps, false, Instant.now().isBefore(deadline)
              ? "model call failed: " + e.getMessage() : timeLimit(timeout));
        }
        steps++;
        tally.reply(reply);
        logReply(steps, reply);
        if (!reply.toolCalls().isEmpty()) {
          ObjectNode assistant = messages.addObject().put("role", "assistant")
              .put("content", reply.content() == null ? "" : reply.content());
          ArrayNode calls = assistant.putArray("tool_calls");
          reply.toolCalls().forEach(c -> calls.addObject().put("id", c.id()).put("type", "function")
              .putObject("function").put("name", c.name()).put("arguments", c.arguments()));
          for (ChatReply.ToolCall call : reply.toolCalls()) {
            tally.tool(call.name());
            ToolBox.Result r = tools.call(call.name(), call.arguments(), shellTimeout());
            log.section("tool result: " + call.name() + " (" + call.id() + ")" + (r.error() ? " [error]" : ""), r.text());
            messages.addObject().put("role", "tool").put("tool_call_id", call.id()).put("content", r.text());
            if (r.finish()) {
              return new AgentOutcome(null, steps, true, null);
            }
          }
          continue;
        }
        FencedActions.Action action = FencedActions.parse(reply.content());
        if (action.finish()) {
          tally.tool(ToolBox.FINISH);
        }
        messages.addObject().put("role", "assistant").put("content", reply.content() == null ? "" : reply.content());
        if (action.command() != null) {
          tally.tool(ToolBox.RUN_SHELL);
          ToolBox.Result r = tools.runShell(action.command(), shellTimeout());
          String text = r.text() + (action.blocks() > 1 ? "\n(note: only the first of your "
              + action.blocks() + " ```bash blocks was run; send one per reply)" : "");
          log.section("output of the ```bash block" + (r.error() ? " [error]" : ""), text);
          if (action.finish()) {
            return new AgentOutcome(null, steps, true, null);
          }
          messages.addObject().put("role", "user").put("content", text);
          continue;
        }
        return new AgentOutcome(null, steps, true, action.finish() ? null
            : "the model stopped without calling finish");
      }
    }

    private void logReply(int step, ChatReply reply) {
      StringBuilder sb = new StringBuilder(reply.content() == null ? "" : reply.content().strip());
      for (ChatReply.ToolCall c : reply.toolCalls()) {
        sb.append(sb.length() == 0 ? "" : "\n").append("-> ").append(readable(c));
      }
      String usage = reply.promptTokens() == null ? "" : ", tokens " + reply.promptTokens() + " in / "
          + reply.completionTokens() + " out";
      log.section("assistant (step " + step + usage + ")", sb.toString());
    }

    /** A call as a person reads it: the command or the file's content as text, not JSON. */
    private static String readable(ChatReply.ToolCall c) {
      try {
        var args = JSON.readTree(c.arguments());
        if (c.name().equals(ToolBox.RUN_SHELL) && args.path("command").isTextual() && args.size() == 1) {
          return "run_shell: " + args.get("command").asText();
        }
        if (c.name().equals(ToolBox.WRITE_FILE) && args.path("path").isTextual()
            && args.path("content").isTextual() && args.size() == 2) {
          return "write_file " + args.get("path").asText() + " <<<\n" + args.get("content").asText()
              + (args.get("content").asText().endsWith("\n") ? "" : "\n") + ">>>";
        }
      } catch (IOException | RuntimeException e) {
        // shown as sent
      }
      return c.name() + " " + c.arguments();
    }

    private long shellTimeout() {
      long left = java.time.Duration.between(Instant.now(), deadline).toSeconds();
      return Math.max(1, Math.min(SHELL_TIMEOUT_SECONDS, left));
    }

    private static String timeLimit(long timeout) {
      return "agent stopped at its time limit of " + timeout + " s";
    }
  }
}
