package dev.decaybench.runner.run;

import dev.decaybench.runner.run.workspace.TrialWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.run.agent.AgentContext;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.run.agent.GoldAgent;
import dev.decaybench.runner.run.repo.FeatureRepoFixture;
import dev.decaybench.runner.run.repo.RepoDirectories;
import dev.decaybench.runner.run.repo.RepoSnapshots;
import dev.decaybench.runner.task.TaskCatalog;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import dev.decaybench.runner.util.Git;
import dev.decaybench.runner.verify.PatchFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature task's workspace: the repository at its commit, the feature removed, one baseline commit. */
class FeatureWorkspaceTest {

  @TempDir
  Path tmp;

  private FeatureRepoFixture fixture;
  private TaskDefinition task;
  private RepoSnapshots repos;
  private Path workspace;

  @BeforeEach
  void prepareWorkspace() throws IOException {
    fixture = FeatureRepoFixture.create(tmp, null);
    task = TaskLoader.load(fixture.tasks().resolve(FeatureRepoFixture.TASK + ".json").toString(), null);
    repos = new RepoSnapshots(tmp.resolve("cache"), RepoDirectories.NONE);
    workspace = tmp.resolve("trial/workspace");
    TrialWorkspace.prepare(task, workspace, tmp.resolve("trial/prompt.md"), repos);
  }

  @Test
  void theBaselineIsTheRepositoryWithoutTheFeatureInOneCommitWithoutHistory() throws IOException {
    assertThat(workspace.resolve("app.py")).exists();
    assertThat(workspace.resolve("routes/comments.py")).doesNotExist();
    assertThat(Files.readString(workspace.resolve("routes/__init__.py"))).doesNotContain("comments");
    // no parent commit: the removed code cannot be read back from the history
    assertThat(Git.run(workspace, 60, "rev-list", "--count", "HEAD").strip()).isEqualTo("1");
    assertThat(Git.run(workspace, 60, "status", "--porcelain")).isEmpty();
    // the paper's prompt, then how the evaluation starts the server, as the paper tells its agents
    assertThat(Files.readString(tmp.resolve("trial/prompt.md"))).startsWith("Restore the comments")
        .contains("## Server commands", "psycopg2.connect", "&& bash run.sh");

    Path patch = tmp.resolve("trial/patch.diff");
    TrialWorkspace.writePatch(workspace, patch);
    assertThat(Files.readString(patch)).as("an agent that did nothing has an empty patch").isEmpty();
  }

  @Test
  void theGoldAgentsPatchIsTheReverseOfTheRemovalAndTheVerifiersSeeOnlyItsAddedLines() throws Exception {
    Path trajectory = tmp.resolve("trial/trajectory.txt");
    AgentOutcome outcome = new GoldAgent().solve(context(task, trajectory));
    Path patch = tmp.resolve("trial/patch.diff");
    TrialWorkspace.writePatch(workspace, patch);

    assertThat(outcome.finished()).isTrue();
    assertThat(Files.readString(trajectory)).contains("reverse of removal patch");
    assertThat(workspace.resolve("routes/comments.py")).hasSameTextualContentAs(fixture.tree().resolve("routes/comments.py"));
    PatchFiles seen = PatchFiles.fromUnifiedDiff(Files.readString(patch));
    // the verifiers read the agent's work, not the upstream repository it started from
    assertThat(seen.addedText()).containsOnlyKeys("routes/comments.py", "routes/__init__.py");
    assertThat(seen.addedText().get("routes/__init__.py"))
        .contains("from routes import articles, comments, health")
        .doesNotContain("from routes import articles, health");
  }

  @Test
  void theGoldAgentGivesUpOnAGreenfieldTask() throws Exception {
    TaskDefinition greenfield = TaskCatalog.byName("flask-openapi-unconstrained").orElseThrow();
    AgentOutcome outcome = new GoldAgent().solve(context(greenfield, tmp.resolve("trial/gold.txt")));

    assertThat(outcome.finished()).isFalse();
    assertThat(outcome.note()).contains("needs a feature task");
  }

  @Test
  void aFeatureTaskWithoutItsRemovalPatchIsRefusedWithWhereItBelongs() throws IOException {
    Files.delete(fixture.tasks().resolve(FeatureRepoFixture.PATCH));

    assertThatThrownBy(() -> TrialWorkspace.prepare(task, tmp.resolve("other"), tmp.resolve("p.md"), repos))
        .hasMessageContaining("removal patch").hasMessageContaining("beside the task file");
  }

  @Test
  void thePapersMigrationsRunAfterPostgresJustBeforeTheServerAndInstallsInSetUp() {
    assertThat(task.name()).isEqualTo(FeatureRepoFixture.TASK);
    assertThat(task.suite()).isEqualTo(TaskLoader.FEATURE_SUITE);
    assertThat(task.port()).isEqualTo(5050);
    assertThat(task.healthcheckEndpoint()).isEqualTo("/api/tags");
    assertThat(task.runCmds()).hasSize(3);
    assertThat(task.runCmds().get(1)).contains("psycopg2.connect");
    assertThat(task.runCmds().get(2)).isEqualTo("bash run.sh");
    assertThat(task.repo().patch()).isEqualTo(fixture.tasks().resolve(FeatureRepoFixture.PATCH).toString());
  }

  private AgentContext context(TaskDefinition t, Path trajectory) {
    return new AgentContext("t__r0", t, 0, workspace, tmp.resolve("trial/prompt.md"), trajectory,
        new AgentSpec(AgentType.GOLD));
  }
}
