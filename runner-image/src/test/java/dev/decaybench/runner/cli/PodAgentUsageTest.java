package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a trial pod the evaluate container reports what the agent spent: from the agent container's
 * agent.json, or from the usage file an agent image wrote (the same DECAYBENCH_USAGE_FILE contract
 * as command agents) (issue 19).
 */
class PodAgentUsageTest {

  @TempDir
  Path volume;

  private Path prepared(String task) {
    assertThat(DecaybenchCli.run("prepare", "--task", task, "--workspace", volume.resolve("app").toString(),
        "--prompt", volume.resolve("prompt.md").toString())).isZero();
    return volume.resolve("app");
  }

  @Test
  void aCommandAgentsUsageFileReachesTheCompactResultThroughAgentJson() {
    Path app = prepared("flask-openapi-unconstrained");
    assertThat(DecaybenchCli.run("agent", "--type", "command", "--task", "flask-openapi-unconstrained",
        "--workspace", app.toString(), "--prompt", volume.resolve("prompt.md").toString(),
        "--trajectory", volume.resolve("trajectory.txt").toString(), "--command-json",
        "[\"bash\", \"-c\", \"echo '{\\\"promptTokens\\\": 900, \\\"completionTokens\\\": 120, \\\"calls\\\": 4,"
            + " \\\"toolCalls\\\": {\\\"shell\\\": 3}}' > \\\"$DECAYBENCH_USAGE_FILE\\\"\"]")).isZero();

    TrialUsage u = PodAgentUsage.read(volume.resolve("agent.json"), volume.resolve("agent-usage.json"));

    assertThat(u).isEqualTo(new TrialUsage(900L, 120L, 4, null, Map.of("shell", 3), null, null, null));
  }

  @Test
  void anAgentImagesUsageFileIsReadWhenThereIsNoAgentJson() throws Exception {
    Path file = volume.resolve("agent-usage.json");
    Files.writeString(file, "{\"promptTokens\": 50, \"completionTokens\": 7}");

    TrialUsage u = PodAgentUsage.read(volume.resolve("agent.json"), file);

    assertThat(u.promptTokens()).isEqualTo(50L);
    assertThat(u.completionTokens()).isEqualTo(7L);
    assertThat(u.llmCalls()).as("not reported: unknown, not 0").isNull();
  }

  @Test
  void noFilesOrABrokenFileMeanUnknownUsageNotAFailedTrial() throws Exception {
    assertThat(PodAgentUsage.read(volume.resolve("agent.json"), volume.resolve("agent-usage.json"))).isNull();
    Files.writeString(volume.resolve("agent-usage.json"), "not json");
    assertThat(PodAgentUsage.read(null, volume.resolve("agent-usage.json"))).isNull();
  }
}
