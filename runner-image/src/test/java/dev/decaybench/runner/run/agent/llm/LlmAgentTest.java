package dev.decaybench.runner.run.agent.llm;

import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.error;
import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.text;
import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.run.agent.AgentContext;
import dev.decaybench.runner.run.AgentFactory;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.task.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmAgentTest {

  /** What surefire puts in DECAYBENCH_API_KEY (runner-image/pom.xml). */
  static final String FAKE_KEY = "sk-test-not-a-real-key";

  @TempDir
  Path tmp;

  ScriptedChatServer server;
  final List<Long> sleeps = new ArrayList<>();
  Path workspace;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
    workspace = Files.createDirectories(tmp.resolve("workspace"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ChatClient.Settings settings() {
    return ChatClient.Settings.defaults().withSleeper(sleeps::add).withRequestTimeout(Duration.ofSeconds(20));
  }

  private AgentSpec spec(Integer maxSteps, Integer timeoutSeconds) {
    AgentSpec spec = new AgentSpec(AgentType.LLM);
    spec.setModel("scripted-model");
    spec.setEndpoint(server.endpoint());
    spec.setMaxSteps(maxSteps);
    spec.setTimeoutSeconds(timeoutSeconds);
    return spec;
  }

  private AgentOutcome solve(LlmAgent agent, AgentSpec spec) throws Exception {
    Path prompt = tmp.resolve("prompt.md");
    Files.writeString(prompt, "Build a tiny thing. Task prompt marker 42.");
    TaskDefinition task = new TaskDefinition("tiny", "test", "flask", List.of(), 0, null, null,
        null, null, null, "Build a tiny thing.");
    return agent.solve(new AgentContext("tiny__r1", task, 1, workspace, prompt, trajectory(), spec));
  }

  private AgentOutcome solve(AgentSpec spec) throws Exception {
    return solve(new LlmAgent(null, settings()), spec);
  }

  private Path trajectory() { return tmp.resolve("trajectory.txt"); }

  private String transcript() throws Exception { return Files.readString(trajectory()); }

  /** The messages of request {@code i}. */
  private JsonNode messages(int i) {
    return server.requests().get(i).body().path("messages");
  }

  @Test
  void writesFilesRunsCommandsAndFinishes() throws Exception {
    server.then(toolCalls("Let me write the file.",
            "write_file", Map.of("path", "notes/hello.txt", "content", "hello from the model\n"),
            "run_shell", Map.of("command", "ls notes && cat notes/hello.txt")))
        .then(toolCalls(null, "finish", Map.of("summary", "wrote notes/hello.txt")));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.steps()).isEqualTo(2);
    assertThat(outcome.note()).isNull();
    assertThat(workspace.resolve("notes/hello.txt")).hasContent("hello from the model");
    assertThat(server.requests()).hasSize(2);
    ScriptedChatServer.Request first = server.requests().get(0);
    assertThat(first.path()).isEqualTo("/v1/chat/completions");
    assertThat(first.body().path("model").asText()).isEqualTo("scripted-model");
    assertThat(first.body().path("tool_choice").asText()).isEqualTo("auto");
    assertThat(first.body().path("tools").findValuesAsText("name"))
        .containsExactly("run_shell", "write_file", "finish");
    assertThat(messages(0).path(0).path("role").asText()).isEqualTo("system");
    assertThat(messages(0).path(1).path("content").asText()).contains("Task prompt marker 42");
    // the second request carries the assistant's calls and one tool result per call
    JsonNode second = messages(1);
    assertThat(second.path(2).path("tool_calls")).hasSize(2);
    assertThat(second.path(3).path("role").asText()).isEqualTo("tool");
    assertThat(second.path(3).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(second.path(3).path("content").asText()).contains("wrote 21 bytes to notes/hello.txt");
    assertThat(second.path(4).path("tool_call_id").asText()).isEqualTo("call_2");
    assertThat(second.path(4).path("content").asText()).contains("exit code 0", "hello.txt",
        "hello from the model");
    assertThat(transcript()).contains("### system", "### user", "Task prompt marker 42",
        "### assistant (step 1", "-> write_file notes/hello.txt <<<\nhello from the model\n>>>",
        "-> run_shell: ls notes && cat notes/hello.txt", "### tool result: run_shell (call_2)",
        "hello from the model", "### assistant (step 2", "wrote notes/hello.txt", "end: finished after 2 step(s)");
  }

  @Test
  void retriesRateLimitsHonouringRetryAfterAndServerErrorsWithBackOff() throws Exception {
    server.then(error(429, "slow down", Map.of("Retry-After", "7")))
        .then(error(500, "upstream hiccup", Map.of()))
        .then(error(500, "upstream hiccup", Map.of()))
        .then(toolCalls(null, "finish", Map.of("summary", "done")));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.steps()).isEqualTo(1);
    assertThat(server.requests()).hasSize(4);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isEqualTo(7000L);
    // exponential with jitter: attempt 2 waits 1-2 s (50-100 % of 2 s), attempt 3 waits 2-4 s
    assertThat(sleeps.get(1)).isBetween(1000L, 2000L);
    assertThat(sleeps.get(2)).isBetween(2000L, 4000L);
    assertThat(transcript()).contains("retrying: HTTP 429: slow down; attempt 2 of 5 in 7.0 s",
        "retrying: HTTP 500: upstream hiccup; attempt 3 of 5");
  }

  @Test
  void givesUpAfterFiveAttempts() throws Exception {
    server.otherwise(error(503, "overloaded", Map.of()));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(server.requests()).hasSize(5);
    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.steps()).isZero();
    assertThat(outcome.note()).contains("gave up after 5 attempts", "HTTP 503: overloaded");
  }

  @Test
  void retriesConnectionErrors() throws Exception {
    AgentSpec spec = spec(null, null);
    server.close(); // nothing listens on that port any more
    AgentOutcome outcome = solve(spec);

    assertThat(outcome.finished()).isFalse();
    assertThat(sleeps).hasSize(4);
    assertThat(outcome.note()).contains("gave up after 5 attempts", "connection problem");
  }

  @Test
  void unauthorizedIsNotRetriedAndSaysWhy() throws Exception {
    server.otherwise(error(401, "Incorrect API key provided: " + FAKE_KEY, Map.of()));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(server.requests()).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.steps()).isZero();
    assertThat(outcome.note()).contains("HTTP 401", "rejected the API key", "apiKeySecretRef")
        .doesNotContain(FAKE_KEY);
    assertThat(transcript()).contains("model call failed").doesNotContain(FAKE_KEY);
  }

  @Test
  void stopsAtTheStepLimit() throws Exception {
    server.otherwise(toolCalls(null, "run_shell", Map.of("command", "echo still working")));

    AgentOutcome outcome = solve(spec(3, null));

    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.steps()).isEqualTo(3);
    assertThat(outcome.note()).isEqualTo("step limit 3 reached");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void stopsAtTheTimeLimitAndStopsTheRunningCommand() throws Exception {
    server.otherwise(toolCalls(null, "run_shell", Map.of("command", "sleep 30")));

    long start = System.nanoTime();
    AgentOutcome outcome = solve(spec(null, 2));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.note()).isEqualTo("agent stopped at its time limit of 2 s");
  }

  @Test
  void rejectsPathsOutsideTheWorkspaceAsToolErrors() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(workspace.resolve("link"), outside);
    server.then(toolCalls(null,
            "write_file", Map.of("path", "../escaped.txt", "content", "x"),
            "write_file", Map.of("path", outside.resolve("abs.txt").toString(), "content", "x"),
            "write_file", Map.of("path", "link/through-link.txt", "content", "x"),
            "run_shell", Map.of("command", "cd .. && touch escaped-by-cd.txt"),
            "write_file", Map.of("path", workspace.resolve("ok/inside.txt").toString(), "content", "fine")))
        .then(toolCalls(null, "finish", Map.of("summary", "tried")));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(outcome.finished()).isTrue();
    assertThat(tmp.resolve("escaped.txt")).doesNotExist();
    assertThat(tmp.resolve("escaped-by-cd.txt")).doesNotExist();
    assertThat(outside).isEmptyDirectory();
    assertThat(workspace.resolve("ok/inside.txt")).hasContent("fine");
    JsonNode results = messages(1);
    assertThat(results.path(3).path("content").asText()).startsWith("error: not written:").contains("outside the workspace");
    assertThat(results.path(4).path("content").asText()).startsWith("error: not written:").contains("outside the workspace");
    assertThat(results.path(5).path("content").asText()).startsWith("error: not written:").contains("symbolic link");
    assertThat(results.path(6).path("content").asText()).startsWith("error: not run:");
    assertThat(results.path(7).path("content").asText()).startsWith("wrote 4 bytes");
    assertThat(transcript()).contains("[error]");
  }

  @Test
  void runsFencedBashBlocksForModelsWithoutToolCalls() throws Exception {
    server.then(text("I will create the file.\n\n```bash\necho fenced > fenced.txt && ls\n```\n"))
        .then(text("The file is there.\n\nFINISH"));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.note()).isNull();
    assertThat(outcome.steps()).isEqualTo(2);
    assertThat(workspace.resolve("fenced.txt")).hasContent("fenced");
    JsonNode second = messages(1);
    assertThat(second.path(2).path("role").asText()).isEqualTo("assistant");
    assertThat(second.path(3).path("role").asText()).isEqualTo("user");
    assertThat(second.path(3).path("content").asText()).contains("exit code 0", "fenced.txt");
    assertThat(transcript()).contains("### output of the ```bash block");
  }

  @Test
  void dropsToolsWhenTheEndpointRefusesThem() throws Exception {
    server.then(error(400, "\"auto\" tool choice requires --enable-auto-tool-choice", Map.of()))
        .then(text("```bash\ntouch made.txt\n```"))
        .then(text("Done, nothing more to do."));

    AgentOutcome outcome = solve(spec(null, null));

    assertThat(server.requests()).hasSize(3);
    assertThat(server.requests().get(0).body().has("tools")).isTrue();
    assertThat(server.requests().get(1).body().has("tools")).isFalse();
    assertThat(workspace.resolve("made.txt")).exists();
    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.steps()).isEqualTo(2);
    assertThat(outcome.note()).isEqualTo("the model stopped without calling finish");
  }

  @Test
  void theKeyReachesTheEndpointOnlyNeverTheShellOrTheTrajectory() throws Exception {
    assertThat(System.getenv("DECAYBENCH_API_KEY")).as("set by surefire").isEqualTo(FAKE_KEY);
    server.then(toolCalls("I was told the key is " + FAKE_KEY,
            "run_shell", Map.of("command", "env > env-dump.txt; env; echo \"key=[$DECAYBENCH_API_KEY$OPENAI_API_KEY]\"")))
        .then(toolCalls(null, "finish", Map.of("summary", "done")));

    // the agent a run builds: key looked up in the environment
    AgentSpec spec = spec(null, null);
    AgentOutcome outcome = solve((LlmAgent) AgentFactory.create(spec, tmp), spec);

    assertThat(outcome.finished()).isTrue();
    assertThat(server.requests()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + FAKE_KEY));
    String env = Files.readString(workspace.resolve("env-dump.txt"));
    assertThat(env).contains("PATH=").doesNotContain(FAKE_KEY).doesNotContain("DECAYBENCH_API_KEY");
    String toolResult = messages(1).path(3).path("content").asText();
    assertThat(toolResult).contains("PATH=", "key=[]").doesNotContain(FAKE_KEY);
    assertThat(transcript()).contains("PATH=", "I was told the key is ***").doesNotContain(FAKE_KEY);
  }

  @Test
  void backgroundProcessesDoNotHoldTheAgent() throws Exception {
    server.then(toolCalls(null, "run_shell", Map.of("command", "sleep 300 & echo started")))
        .then(toolCalls(null, "finish", Map.of("summary", "done")));

    long start = System.nanoTime();
    AgentOutcome outcome = solve(spec(null, null));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(outcome.finished()).isTrue();
    assertThat(messages(1).path(3).path("content").asText()).contains("exit code 0", "started");
  }
}
