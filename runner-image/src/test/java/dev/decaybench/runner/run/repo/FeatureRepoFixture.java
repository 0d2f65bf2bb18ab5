package dev.decaybench.runner.run.repo;

import dev.decaybench.runner.engine.TestApps;
import dev.decaybench.runner.util.Git;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A feature task without network, made the way the paper makes its own: an upstream repository
 * (decaybench's Flask reference app, committed into a bare repository), a removal patch that takes
 * out the comments feature (its blueprint and its registration), and a task file in the paper's
 * format beside the patch.
 *
 * @param bare the upstream bare repository
 * @param commit the commit the task starts from
 * @param tree a plain copy of the repository's files at that commit
 * @param tasks the task directory (task JSON and its removal patch)
 */
public record FeatureRepoFixture(Path bare, String commit, Path tree, Path tasks) {

  public static final String SHORT_NAME = "realworld-mini";
  /** The name the paper's format gives it: family, then the task's own name. */
  public static final String TASK = "flask-feature-task-001";
  public static final String PATCH = "flask-feature-task-001.patch";

  /** Builds it all under {@code dir}; the task's repository URL is {@code repoUrl} (null: the bare repo's file URL). */
  public static FeatureRepoFixture create(Path dir, String repoUrl) throws IOException {
    Path work = dir.resolve("upstream");
    Trees.copy(TestApps.reference(TestApps.FLASK), work, Set.of("__pycache__"));
    Git.run(work, 60, "init", "-q");
    Git.run(work, 60, "add", "-A");
    commit(work, "upstream app");
    String commit = Git.run(work, 60, "rev-parse", "HEAD").strip();
    Path bare = dir.resolve(SHORT_NAME + ".git");
    Git.run(dir, 60, "clone", "-q", "--bare", work.toString(), bare.toString());

    // the removal patch: what the agent is asked to restore
    Files.delete(work.resolve("routes/comments.py"));
    Path init = work.resolve("routes/__init__.py");
    Files.writeString(init, Files.readString(init)
        .replace("from routes import articles, comments, health,", "from routes import articles, health,")
        .replace("(health, users, profiles, articles, comments, tags)", "(health, users, profiles, articles, tags)"));
    String patch = Git.run(work, 60, "diff");
    Git.run(work, 60, "checkout", "-q", "--", ".");
    Path tree = dir.resolve("plain-copy");
    Trees.copy(work, tree, Set.of(".git"));

    Path tasks = Files.createDirectories(dir.resolve("tasks"));
    Files.writeString(tasks.resolve(PATCH), patch);
    String url = repoUrl != null ? repoUrl : "file://" + bare;
    // the paper's format: its set-up is a migration (here: a connection to the database, which
    // only works once PostgreSQL is up), its own port and health-check path
    Files.writeString(tasks.resolve(TASK + ".json"), """
        {
          "name": "feature-task-001",
          "description": "Removed the comments feature from the repository",
          "prompt": "Restore the comments endpoints of the Conduit API.",
          "patch": "%s",
          "dockerFolder": "flask",
          "repoMetadata": {
            "repoUrl": "%s",
            "repoCommit": "%s",
            "setupCmds": ["python3 -c \\"import os, psycopg2; psycopg2.connect(os.environ['DATABASE_URL']).close()\\""],
            "runCmds": ["bash run.sh"],
            "port": 5050,
            "baseUrl": "/api",
            "healthcheckEndpoint": "/api/tags"
          },
          "taskMetadata": {"linesAdded": 0, "linesRemoved": 40}
        }
        """.formatted(PATCH, url, commit));
    return new FeatureRepoFixture(bare, commit, tree, tasks);
  }

  private static void commit(Path work, String message) throws IOException {
    Git.run(work, 60, "-c", "user.name=upstream", "-c", "user.email=upstream@localhost", "commit", "-q", "-m", message);
  }
}
