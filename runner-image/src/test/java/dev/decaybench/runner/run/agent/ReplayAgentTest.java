package dev.decaybench.runner.run.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.task.TaskLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayAgentTest {

  @TempDir
  Path dir;

  @Test
  void aSolutionWithItsDefectOverlayIsLaidOverTheReferenceApp() throws Exception {
    Path stored = Files.createDirectories(dir.resolve("stored/flask-openapi-postgres__r0"));
    Path defect = Files.createDirectories(dir.resolve("defects/broken"));
    Files.writeString(defect.resolve("app.py"), "# planted defect\n");
    Files.writeString(stored.resolve("solution.json"),
        "{\"base\": \"flask-sqlalchemy-postgres\", \"overlays\": [\"../../defects/broken\"]}");

    AgentOutcome outcome = replay();

    assertThat(outcome.finished()).isTrue();
    assertThat(Files.readString(workspace().resolve("app.py"))).isEqualTo("# planted defect\n");
    assertThat(workspace().resolve("requirements.txt")).exists();
  }

  @Test
  void aSolutionNamingAMissingOverlayLeavesTheWorkspaceUntouched() throws Exception {
    Path stored = Files.createDirectories(dir.resolve("stored/flask-openapi-postgres__r0"));
    Files.writeString(stored.resolve("solution.json"),
        "{\"base\": \"flask-sqlalchemy-postgres\", \"overlays\": [\"../../defects/missing\"]}");

    // the reference app alone would score 100 as the agent's work (seen in pods whose image
    // lacked the overlays)
    assertThatThrownBy(this::replay).isInstanceOf(IOException.class)
        .hasMessageContaining("names overlay").hasMessageContaining("does not exist");
    try (Stream<Path> files = Files.list(workspace())) {
      assertThat(files).isEmpty();
    }
  }

  private AgentOutcome replay() throws Exception {
    Files.createDirectories(workspace());
    return new ReplayAgent(dir.resolve("stored")).solve(new AgentContext(
        "flask-openapi-postgres__r0", TaskLoader.load("flask-openapi-postgres", null), 0,
        workspace(), dir.resolve("prompt.md"), dir.resolve("trajectory.txt"), new AgentSpec()));
  }

  private Path workspace() {
    return dir.resolve("workspace");
  }
}
