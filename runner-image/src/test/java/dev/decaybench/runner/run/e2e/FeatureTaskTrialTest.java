package dev.decaybench.runner.run.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.decaybench.model.result.RequestResult;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.cli.CliRun;
import dev.decaybench.runner.report.TrialJson;
import dev.decaybench.runner.run.repo.FeatureRepoFixture.Upstream;
import dev.decaybench.runner.run.repo.FeatureRepoFixture;
import dev.decaybench.runner.task.PackageIndexProbe;
import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code decaybench run -f} on a feature task without network: the upstream repository is a
 * local bare repository (given with {@code --repo-dir}) or a plain directory (given in the
 * manifest), the task's URL is unreachable. The gold agent restores the removed comments feature
 * and scores full marks; an agent that does nothing loses exactly the comment requests.
 */
class FeatureTaskTrialTest {

  private static final String UNREACHABLE = "https://example.invalid/upstream/" + FeatureRepoFixture.SHORT_NAME + ".git";

  @TempDir
  Path tmp;

  @Test
  void theGoldAgentScoresFullMarksAndDoingNothingCostsWhatTheRemovedFeatureIsWorth() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, UNREACHABLE);
    try {
      Path gold = run(FeatureRepoFixture.TASK, "gold", "agent: {type: gold}", "",
          "--repo-dir", FeatureRepoFixture.SHORT_NAME + "=" + f.bare());
      TrialResult g = result(gold);
      assertThat(g.aPct()).as(String.valueOf(g.failure())).isEqualTo(100.0);
      assertThat(g.success()).isTrue();
      // the task's own contract: its port, health-check path, and its migration run with the database up
      assertThat(g.sandbox().appPort()).isEqualTo(5050);
      assertThat(g.startup().runCommand()).contains("psycopg2.connect", "bash run.sh");
      assertThat(Files.readString(gold.resolve("patch.diff")))
          .contains("diff --git a/routes/comments.py b/routes/comments.py\nnew file mode")
          .doesNotContain("app.py");

      Path nothing = run(FeatureRepoFixture.TASK, "nothing", "agent: {type: command, command: [\"true\"]}",
          "repoDirectories: {" + FeatureRepoFixture.SHORT_NAME + ": plain-copy}");
      TrialResult n = result(nothing);
      assertThat(Files.readString(nothing.resolve("patch.diff"))).isEmpty();
      assertThat(n.aPct()).isLessThan(100.0).isGreaterThan(50.0);
      int lost = 0;
      for (RequestResult r : n.requests()) {
        int failed = (int) r.assertions().stream().filter(a -> !a.passed()).count();
        if (r.name().contains("Comment")) {
          lost += failed;
        } else {
          assertThat(failed).as(r.name() + ": only the comment requests may fail").isZero();
        }
      }
      assertThat(lost).isPositive();
      assertThat(n.assertions().passed()).isEqualTo(n.assertions().total() - lost);
      System.out.printf("feature task: gold A%% %.1f, do-nothing A%% %.1f (%d assertions lost)%n",
          g.aPct(), n.aPct(), lost);
    } finally {
      forget(f.commit());
    }
  }

  @Test
  void aTasksOwnEnvironmentReachesItsCommandsButNeverReplacesDecaybenchsDatabaseSettings() throws IOException {
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, null);
    Files.delete(f.tasks().resolve(FeatureRepoFixture.TASK + ".json"));
    // decaybench's format: an upstream that reads variables of its own (as realworld-flask reads POSTGRES_*)
    Files.writeString(f.tasks().resolve("flask-env.json"), """
        {
          "name": "flask-env",
          "framework": "flask",
          "port": 5050,
          "runCmds": ["test \\"$POSTGRES_USER\\" = user && test \\"$DB_HOST\\" != elsewhere", "bash run.sh"],
          "env": {"POSTGRES_USER": "user", "DB_HOST": "elsewhere"},
          "repo": {"url": "file://%s", "commit": "%s", "patch": "%s"}
        }
        """.formatted(f.bare(), f.commit(), FeatureRepoFixture.PATCH));
    try {
      TrialResult g = result(run("flask-env", "gold-env", "agent: {type: gold}", ""));
      assertThat(g.aPct()).as(String.valueOf(g.failure())).isEqualTo(100.0);
    } finally {
      forget(f.commit());
    }
  }

  @Test
  void aNodeProjectsOwnPackageJsonIsInstalledInTheSandboxWhereTheRegistryAnswers() throws IOException {
    // the same probe decaybench asks of a Python package index
    assumeTrue(new PackageIndexProbe(Duration.ofSeconds(5)).indexReachable(URI.create("https://registry.npmjs.org/express")),
        "registry.npmjs.org does not answer here");
    FeatureRepoFixture f = FeatureRepoFixture.create(tmp, null, Upstream.EXPRESS);
    try {
      Path gold = run(Upstream.EXPRESS.task(), "gold-node", "agent: {type: gold}", "");
      TrialResult g = result(gold);

      assertThat(g.startup().setup()).hasSize(2).allSatisfy(c -> assertThat(c.exitCode()).as(c.outputTail()).isZero());
      assertThat(g.startup().setup().get(0).command()).contains("npm install");
      assertThat(Files.readString(gold.resolve("setup.log"))).contains("added ");
      assertThat(g.aPct()).as(String.valueOf(g.failure())).isEqualTo(100.0);
      assertThat(Files.readString(gold.resolve("patch.diff"))).contains("b/src/routes/comments.js")
          .doesNotContain("node_modules");
    } finally {
      forget(f.commit());
    }
  }

  /** The test's commit leaves the machine's repository cache (entry and lock file). */
  private static void forget(String commit) throws IOException {
    Path repos = CacheDirs.root().resolve("repos");
    Trees.deleteQuietly(repos.resolve(commit));
    Files.deleteIfExists(repos.resolve(commit + ".lock"));
  }

  /** Runs the fixture's task directory with {@code agentYaml}; returns the trial directory. */
  private Path run(String task, String name, String agentYaml, String tasksExtra, String... flags)
      throws IOException {
    Path manifest = tmp.resolve(name + ".yaml");
    Files.writeString(manifest, """
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata:
          name: feature-%s
        spec:
          %s
          tasks:
            taskDirectory: tasks
            %s
          repeats: 1
          parallelism: 1
          timeouts:
            healthSeconds: 30
        """.formatted(name, agentYaml, tasksExtra));
    Path out = tmp.resolve("runs").resolve(name);
    String[] args = new String[4 + flags.length];
    System.arraycopy(new String[] {"run", "-f", manifest.toString(), "--out=" + out}, 0, args, 0, 4);
    System.arraycopy(flags, 0, args, 4, flags.length);
    CliRun cli = CliRun.of(args);
    assertThat(cli.code()).as(cli.err()).isZero();
    Path trial = out.resolve("trials").resolve(task + "__r0");
    TrialJson info = Json.mapper().readValue(trial.resolve("trial.json").toFile(), TrialJson.class);
    assertThat(info.status()).as(info.error()).isEqualTo(TrialJson.EVALUATED);
    return trial;
  }

  private static TrialResult result(Path trial) throws IOException {
    return Json.mapper().readValue(trial.resolve("result.json").toFile(), TrialResult.class);
  }
}
