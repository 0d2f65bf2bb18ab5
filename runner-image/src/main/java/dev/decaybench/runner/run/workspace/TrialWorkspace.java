package dev.decaybench.runner.run.workspace;

import dev.decaybench.runner.run.repo.RepoDirectories;
import dev.decaybench.runner.run.repo.RepoSnapshots;
import dev.decaybench.runner.task.FeatureCommands;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.util.Git;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A trial's workspace is a git repository: a baseline commit before the agent starts, so its
 * patch (what the paper's verifiers read) is exactly {@code git diff} afterwards.
 */
public final class TrialWorkspace {

  private static final String EXCLUDES = String.join("\n", "node_modules/", "__pycache__/", "*.pyc",
      ".venv/", "venv/", ".npm/", ".cache/", ".python-packages/", "");

  private TrialWorkspace() {}

  /** Creates the workspace (and the prompt file beside it) for a task; repositories from the cache. */
  public static void prepare(TaskDefinition task, Path workspace, Path promptFile) throws IOException {
    prepare(task, workspace, promptFile, RepoSnapshots.inCache(RepoDirectories.NONE));
  }

  /**
   * Creates the workspace for a task: empty for greenfield tasks; for feature tasks the
   * repository at its commit with the removal patch applied. Either way that is one root commit,
   * the baseline: the agent's patch is its own work only, and no history holds the removed code.
   */
  public static void prepare(TaskDefinition task, Path workspace, Path promptFile, RepoSnapshots repos)
      throws IOException {
    Path removal = task.repo() == null ? null : removalPatch(task);  // a missing patch fails before any fetch
    Files.createDirectories(workspace);
    if (removal != null) {
      repos.checkout(task.repo(), workspace);
    }
    git(workspace, "init", "-q");
    Files.writeString(workspace.resolve(".git/info/exclude"), EXCLUDES);
    if (removal != null) {
      git(workspace, "apply", "--whitespace=nowarn", removal.toString());
      git(workspace, "add", "-A");
    }
    git(workspace, "-c", "user.name=decaybench", "-c", "user.email=decaybench@localhost",
        "commit", "-q", "--allow-empty", "--no-verify", "-m", "baseline");
    Files.createDirectories(promptFile.toAbsolutePath().getParent());
    Files.writeString(promptFile, FeatureCommands.prompt(task), StandardCharsets.UTF_8);
  }

  /** The patch that removes the task's feature: named by the task, found beside its file. */
  public static Path removalPatch(TaskDefinition task) throws IOException {
    String name = task.repo().patch();
    if (name == null || name.isBlank()) {
      throw new IOException("feature task " + task.name() + " names no removal patch (\"patch\")");
    }
    Path patch = Path.of(name);
    if (!Files.isRegularFile(patch)) {
      throw new IOException("feature task " + task.name() + ": removal patch " + patch + " not found"
          + " (it belongs beside the task file; the paper's published tasks do not include theirs)");
    }
    return patch.toAbsolutePath();
  }

  /**
   * Writes everything the agent changed since the baseline as a unified diff. The agent could
   * write {@code .git} (its config can make git run commands: fsmonitor, filter drivers), and
   * this git runs with decaybench's rights: the repository's config is put back to git's
   * defaults first, and a {@code .git} that is no directory of its own is refused.
   */
  public static void writePatch(Path workspace, Path patchFile) throws IOException {
    Path git = workspace.resolve(".git");
    if (!Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("the agent replaced the workspace's .git; its changes cannot be read");
    }
    Path config = git.resolve("config");
    Files.deleteIfExists(config);  // a link is removed, never followed
    Files.writeString(config, TRUSTED_CONFIG, StandardOpenOption.CREATE_NEW);
    git(workspace, "add", "-A");
    Processes.Completed diff = Processes.run(List.of("git", "-c", "safe.directory=*", "diff",
        "--cached", "--binary", "HEAD"), workspace, null, 120);
    Files.writeString(patchFile, diff.output(), StandardCharsets.UTF_8);
  }

  /** What {@code git init} writes: no hooks, filters, fsmonitor or includes. */
  private static final String TRUSTED_CONFIG = "[core]\n\trepositoryformatversion = 0\n"
      + "\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n";

  private static void git(Path dir, String... args) throws IOException {
    // the workspace may belong to the agent's uid; hooks and fsmonitor never run
    Git.run(dir, 60, args);
  }
}
