package dev.decaybench.runner.run.agent.llm;

import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.text;
import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.toolCalls;
import static dev.decaybench.runner.run.agent.llm.ScriptedChatServer.withoutUsage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.run.agent.AgentContext;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.run.agent.AgentUsage;
import dev.decaybench.runner.task.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in agent adds up what the endpoint reports per reply (issue 19). */
class LlmAgentUsageTest {

  @TempDir
  Path tmp;

  ScriptedChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private AgentOutcome solve() throws Exception {
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    Path prompt = Files.writeString(tmp.resolve("prompt.md"), "Build a tiny thing.");
    AgentSpec spec = new AgentSpec(AgentType.LLM);
    spec.setModel("scripted-model");
    spec.setEndpoint(server.endpoint());
    TaskDefinition task = new TaskDefinition("tiny", "test", "flask", List.of(), 0, null, null,
        null, null, null, "Build a tiny thing.");
    LlmAgent agent = new LlmAgent(null, ChatClient.Settings.defaults().withSleeper(ms -> { })
        .withRequestTimeout(Duration.ofSeconds(20)));
    return agent.solve(new AgentContext("tiny__r1", task, 1, workspace, prompt,
        tmp.resolve("trajectory.txt"), spec));
  }

  @Test
  void sumsTokensCallsAndToolCallsByKindOverTheTrial() throws Exception {
    server.then(toolCalls("Writing.",
            "write_file", Map.of("path", "a.txt", "content", "a\n"),
            "run_shell", Map.of("command", "cat a.txt")))
        .then(toolCalls(null, "run_shell", Map.of("command", "ls")))
        .then(toolCalls(null, "finish", Map.of("summary", "done")));

    AgentUsage usage = solve().usage();

    // every scripted reply reports 100 prompt and 20 completion tokens
    assertThat(usage.promptTokens()).isEqualTo(300L);
    assertThat(usage.completionTokens()).isEqualTo(60L);
    assertThat(usage.llmCalls()).isEqualTo(3);
    assertThat(usage.toolCalls()).isEqualTo(Map.of(AgentUsage.SHELL, 2, AgentUsage.WRITE_FILE, 1,
        AgentUsage.FINISH, 1));
  }

  @Test
  void countsFencedBashBlocksAsShellAndFinishLinesAsFinish() throws Exception {
    server.then(text("```bash\nls\n```"))
        .then(text("All done.\nFINISH"));

    AgentUsage usage = solve().usage();

    assertThat(usage.llmCalls()).isEqualTo(2);
    assertThat(usage.toolCalls()).isEqualTo(Map.of(AgentUsage.SHELL, 1, AgentUsage.FINISH, 1));
  }

  @Test
  void leavesTokensNullWhenTheEndpointReportsNoUsage() throws Exception {
    server.then(withoutUsage(toolCalls(null, "run_shell", Map.of("command", "ls"))))
        .then(withoutUsage(toolCalls(null, "finish", Map.of("summary", "done"))));

    AgentUsage usage = solve().usage();

    assertThat(usage.promptTokens()).isNull();
    assertThat(usage.completionTokens()).isNull();
    assertThat(usage.llmCalls()).isEqualTo(2);
  }

  @Test
  void leavesTokensNullWhenOnlySomeRepliesReportUsage() throws Exception {
    server.then(toolCalls(null, "run_shell", Map.of("command", "ls")))
        .then(withoutUsage(toolCalls(null, "finish", Map.of("summary", "done"))));

    AgentUsage usage = solve().usage();

    // a partial sum would understate the cost
    assertThat(usage.promptTokens()).isNull();
    assertThat(usage.llmCalls()).isEqualTo(2);
  }
}
