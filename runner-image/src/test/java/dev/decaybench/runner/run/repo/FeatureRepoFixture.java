package dev.decaybench.runner.run.repo;

import dev.decaybench.runner.engine.TestApps;
import dev.decaybench.runner.util.Git;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A feature task without network, made the way the paper makes its own: an upstream repository
 * (one of decaybench's reference apps, committed into a bare repository), a removal patch that
 * takes out the comments feature (its routes and their registration), and a task file in the
 * paper's format beside the patch.
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

  /** An upstream app and what its task says: the file that holds the comments feature and where it is registered. */
  public enum Upstream {
    /**
     * decaybench's Flask app; the task's set-up is a migration (here: a connection to the database,
     * which only works once PostgreSQL is up), with its own port and health-check path.
     */
    FLASK(TestApps.FLASK, "flask", "routes/comments.py", "routes/__init__.py", List.of(
        "from routes import articles, comments, health,", "from routes import articles, health,",
        "(health, users, profiles, articles, comments, tags)", "(health, users, profiles, articles, tags)"),
        "python3 -c \\\"import os, psycopg2; psycopg2.connect(os.environ['DATABASE_URL']).close()\\\"",
        "bash run.sh", 5050, "/api/tags"),
    /** decaybench's Express app: npm installs its package.json in set-up. */
    EXPRESS(TestApps.EXPRESS, "express", "src/routes/comments.js", "src/routes/index.js", List.of(
        "  router.use(require('./comments'));\n", ""), null, "npm start", 3000, "/api/health-check");

    final String app;
    final String family;
    public final String featureFile;
    final String registration;
    final List<String> edits;
    final String migration;
    final String runCmd;
    final int port;
    final String health;

    Upstream(String app, String family, String featureFile, String registration, List<String> edits,
        String migration, String runCmd, int port, String health) {
      this.app = app;
      this.family = family;
      this.featureFile = featureFile;
      this.registration = registration;
      this.edits = edits;
      this.migration = migration;
      this.runCmd = runCmd;
      this.port = port;
      this.health = health;
    }

    /** The imported task's name: the family before the paper-style name. */
    public String task() {
      return family + "-feature-task-001";
    }
  }

  /** The Flask fixture; the task's repository URL is {@code repoUrl} (null: the bare repo's file URL). */
  public static FeatureRepoFixture create(Path dir, String repoUrl) throws IOException {
    return create(dir, repoUrl, Upstream.FLASK);
  }

  /** Builds it all under {@code dir}. */
  public static FeatureRepoFixture create(Path dir, String repoUrl, Upstream upstream) throws IOException {
    Path work = dir.resolve("upstream");
    Trees.copy(TestApps.reference(upstream.app), work, Set.of("__pycache__", "node_modules"));
    Git.run(work, 60, "init", "-q");
    Git.run(work, 60, "add", "-A");
    commit(work, "upstream app");
    String commit = Git.run(work, 60, "rev-parse", "HEAD").strip();
    Path bare = dir.resolve(SHORT_NAME + ".git");
    Git.run(dir, 60, "clone", "-q", "--bare", work.toString(), bare.toString());

    // the removal patch: what the agent is asked to restore
    Files.delete(work.resolve(upstream.featureFile));
    Path registration = work.resolve(upstream.registration);
    String text = Files.readString(registration);
    for (int i = 0; i < upstream.edits.size(); i += 2) {
      text = text.replace(upstream.edits.get(i), upstream.edits.get(i + 1));
    }
    Files.writeString(registration, text);
    String patch = Git.run(work, 60, "diff");
    Git.run(work, 60, "checkout", "-q", "--", ".");
    Path tree = dir.resolve("plain-copy");
    Trees.copy(work, tree, Set.of(".git"));

    Path tasks = Files.createDirectories(dir.resolve("tasks"));
    String patchName = upstream.task() + ".patch";
    Files.writeString(tasks.resolve(patchName), patch);
    String url = repoUrl != null ? repoUrl : "file://" + bare;
    Files.writeString(tasks.resolve(upstream.task() + ".json"), """
        {
          "name": "feature-task-001",
          "description": "Removed the comments feature from the repository",
          "prompt": "Restore the comments endpoints of the Conduit API.",
          "patch": "%s",
          "dockerFolder": "%s",
          "repoMetadata": {
            "repoUrl": "%s",
            "repoCommit": "%s",
            "setupCmds": [%s],
            "runCmds": ["%s"],
            "port": %d,
            "baseUrl": "/api",
            "healthcheckEndpoint": "%s"
          },
          "taskMetadata": {"linesAdded": 0, "linesRemoved": 40}
        }
        """.formatted(patchName, upstream.family, url, commit,
        upstream.migration == null ? "" : "\"" + upstream.migration + "\"", upstream.runCmd, upstream.port,
        upstream.health));
    return new FeatureRepoFixture(bare, commit, tree, tasks);
  }

  private static void commit(Path work, String message) throws IOException {
    Git.run(work, 60, "-c", "user.name=upstream", "-c", "user.email=upstream@localhost", "commit", "-q", "-m", message);
  }
}
