package dev.decaybench.runner.run.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.task.TaskDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command agent reports what it spent through DECAYBENCH_USAGE_FILE (issue 19). */
class CommandAgentUsageTest {

  @TempDir
  Path tmp;

  private AgentOutcome run(String script) throws Exception {
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    Path trialDir = Files.createDirectories(tmp.resolve("trial"));
    Path prompt = Files.writeString(trialDir.resolve("prompt.md"), "Build a tiny thing.");
    AgentSpec spec = new AgentSpec(AgentType.COMMAND);
    spec.setCommand(List.of("sh", "-c", script));
    TaskDefinition task = new TaskDefinition("tiny", "test", "flask", List.of(), 0, null, null,
        null, null, null, "Build a tiny thing.");
    return new CommandAgent().solve(new AgentContext("tiny__r1", task, 1, workspace, prompt,
        trialDir.resolve("trajectory.txt"), spec));
  }

  private String trajectory() throws Exception {
    return Files.readString(tmp.resolve("trial/trajectory.txt"));
  }

  @Test
  void readsTokensCallsAndToolCallsTheAgentWroteToItsUsageFile() throws Exception {
    AgentOutcome outcome = run("echo '{\"promptTokens\":1234,\"completionTokens\":567,\"calls\":8,"
        + "\"toolCalls\":{\"shell\":5,\"finish\":1}}' > \"$DECAYBENCH_USAGE_FILE\"");

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.usage()).isEqualTo(new AgentUsage(1234L, 567L, 8, Map.of("shell", 5, "finish", 1)));
  }

  @Test
  void putsTheUsageFileOutsideTheWorkspaceSoItStaysOutOfThePatch() throws Exception {
    run("echo \"$DECAYBENCH_USAGE_FILE\"");

    assertThat(trajectory().strip().lines().toList())
        .endsWith(tmp.resolve("trial").resolve(UsageFile.NAME).toString());
  }

  @Test
  void hasNoUsageWhenTheAgentWritesNone() throws Exception {
    assertThat(run("true").usage()).isNull();
  }

  @Test
  void leavesFieldsTheAgentDidNotReportNull() throws Exception {
    AgentOutcome outcome = run("echo '{\"calls\":3,\"promptTokens\":\"many\"}' > \"$DECAYBENCH_USAGE_FILE\"");

    assertThat(outcome.usage()).isEqualTo(new AgentUsage(null, null, 3, null));
  }

  @Test
  void aBrokenUsageFileLeavesNoUsageAndIsExplainedInTheTrajectory() throws Exception {
    AgentOutcome outcome = run("echo 'not json {' > \"$DECAYBENCH_USAGE_FILE\"");

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.usage()).isNull();
    assertThat(trajectory()).contains("decaybench: the agent's usage file agent-usage.json is not JSON");
  }
}
