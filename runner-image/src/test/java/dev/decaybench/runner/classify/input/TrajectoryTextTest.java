package dev.decaybench.runner.classify.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The agent's trajectory in its JSON shapes (the paper's, mini-swe-agent's) and as plain text. */
class TrajectoryTextTest {

  @Test
  void trajectoryJsonShapesAreRendered() {
    TrajectoryText.Loaded paper = TrajectoryText.parse(
        "{\"status\":\"LimitsExceeded\",\"trajectories\":[{\"role\":\"assistant\",\"content\":\"```bash\\nls\\n```\"}]}");
    assertThat(paper.status()).isEqualTo("LimitsExceeded");
    assertThat(paper.text()).startsWith("[assistant]\n```bash");
    TrajectoryText.Loaded mini = TrajectoryText.parse(
        "{\"info\":{\"exit_status\":\"Submitted\"},\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"go\"}]}]}");
    assertThat(mini.status()).isEqualTo("Submitted");
    assertThat(mini.text()).isEqualTo("[user]\ngo");
    assertThat(TrajectoryText.parse("just text {").text()).isEqualTo("just text {");
  }
}
