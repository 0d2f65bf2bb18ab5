package dev.decaybench.runner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.cli.DecaybenchCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskCatalogTest {

  @TempDir
  Path tmp;

  @Test
  void suiteHasEightFrameworksTimesTenVariantsOverFourLevels() {
    assertThat(TaskCatalog.all()).hasSize(80);
    Map<Integer, Long> perLevel = TaskCatalog.all().stream()
        .collect(Collectors.groupingBy(TaskDefinition::level, Collectors.counting()));
    assertThat(perLevel).containsEntry(0, 8L).containsEntry(1, 24L).containsEntry(2, 32L).containsEntry(3, 16L);
    assertThat(TaskCatalog.all()).extracting(TaskDefinition::name).doesNotHaveDuplicates();
  }

  @Test
  void promptStatesExactlyTheTasksConstraints() {
    TaskDefinition t = TaskCatalog.byName("fastify-openapi-clean_architecture-sqlite-sequelize").orElseThrow();
    assertThat(t.port()).isEqualTo(3000);
    assertThat(t.prompt()).contains("Fastify", "## Architecture (required)", "SQLite", "Sequelize", "paths:")
        .doesNotContain("{{", "host `postgres`");
    TaskDefinition free = TaskCatalog.byName("uv-flask-openapi-unconstrained").orElseThrow();
    assertThat(free.prompt()).doesNotContain("(required)").contains("port **8080**");
  }

  @Test
  void everyBuiltInTaskMakesRunShExecutableAfterInstallingLikeThePaper() {
    for (PythonPackages packages : List.of(PythonPackages.index("test"), PythonPackages.system("test"))) {
      assertThat(TaskCatalog.all(packages)).allSatisfy(t -> {
        assertThat(t.setupCmds()).as(t.name()).last().isEqualTo("chmod +x run.sh");
        assertThat(t.runCommand()).as(t.name()).endsWith("./run.sh");
      });
    }
    TaskDefinition koa = TaskCatalog.byName("koa-openapi-unconstrained").orElseThrow();
    assertThat(koa.setupCmds()).containsExactly("npm install --no-audit --no-fund --prefer-offline", "chmod +x run.sh");
    assertThat(koa.pythonPackages()).isNull();
    assertThat(koa.prompt()).doesNotContain("package index").contains("starts it as `./run.sh`");
  }

  @Test
  void pythonTasksInstallRequirementsFromTheIndexOrSayThePromptThatOnlySystemPackagesExist() {
    TaskDefinition index = TaskCatalog.byName("django-openapi-postgres", PythonPackages.index("test")).orElseThrow();
    assertThat(index.pythonPackages()).isEqualTo("index");
    assertThat(index.setupCmds()).hasSize(2);
    assertThat(index.setupCmds().get(0)).contains("pip install", "--target .python-packages", "-r requirements.txt");
    assertThat(index.runCommand()).startsWith("PYTHONPATH=\"$PWD/.python-packages");
    assertThat(index.prompt()).contains("`pip install -r\n  requirements.txt` installs your packages")
        .doesNotContain("{{");

    TaskDefinition system = TaskCatalog.byName("django-openapi-postgres", PythonPackages.system("test")).orElseThrow();
    assertThat(system.pythonPackages()).isEqualTo("system");
    assertThat(system.setupCmds()).containsExactly("chmod +x run.sh");
    assertThat(system.runCommand()).isEqualTo("./run.sh");
    assertThat(system.prompt()).contains("This run installs nothing from a package index",
        "`requirements.txt` is not installed").doesNotContain("pip install", "{{");
  }

  @Test
  void paperTaskFilesImportIntoOurFormatAndLoadBack() throws Exception {
    Path fixtures = Path.of("src/test/resources/paper-tasks");
    assertThat(DecaybenchCli.run("tasks", "import", fixtures.toString(), "--out", tmp.toString())).isZero();
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
        "fastapi-openapi-clean_architecture-sqlite-sqlalchemy.json", "flask-hard-focused-task-009.json",
        "flask-hard-focused-task-009.patch", "koa-openapi-unconstrained.json");
    TaskDefinition feature = TaskLoader.load(tmp.resolve("flask-hard-focused-task-009.json").toString(), null);
    assertThat(feature.repo().commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(feature.healthcheckEndpoint()).isEqualTo("/api/ping");
    assertThat(feature.framework()).isEqualTo("flask");
    // the removal patch came along and is found beside the imported file
    assertThat(feature.repo().patch()).isEqualTo(tmp.resolve("flask-hard-focused-task-009.patch").toString());
    // the paper's set-up is a migration: it runs once the database is up, right before the server
    assertThat(feature.runCmds()).endsWith("alembic upgrade head", "flask run --host=0.0.0.0");
    assertThat(feature.setupCmds()).noneMatch(c -> c.contains("alembic"));
    TaskDefinition greenfield = TaskLoader.load(
        tmp.resolve("fastapi-openapi-clean_architecture-sqlite-sqlalchemy.json").toString(), null);
    assertThat(greenfield.constraints()).containsExactly("clean_architecture", "sqlite", "sqlalchemy");
    assertThat(greenfield.level()).isEqualTo(3);
  }

  @Test
  void aPaperFeatureTaskGetsTheEnvironmentItsUpstreamReadsPointedAtTheTrialsDatabase() throws Exception {
    String json = "{\"name\": \"hard-focused-task-001\", \"dockerFolder\": \"flask\", \"patch\": \"p.patch\","
        + " \"repoMetadata\": {\"repoUrl\": \"https://github.com/mhegelheimer/realworld-flask.git\","
        + " \"repoCommit\": \"c7d865f89464a1770171492b036b56c87cc76c8a\", \"setupCmds\": [\"alembic upgrade head\"],"
        + " \"runCmds\": [\"poetry run flask run --host=0.0.0.0\"], \"port\": 8080, \"baseUrl\": \"/api\","
        + " \"healthcheckEndpoint\": \"/api/ping\"}}";
    TaskDefinition t = TaskLoader.fromJson(new ObjectMapper().readTree(json), "t.json");

    assertThat(t.env()).containsEntry("POSTGRES_USER", "user").containsEntry("POSTGRES_DB", "conduit")
        .containsEntry("FLASK_RUN_PORT", "8080");
    assertThat(TaskLoader.fromJson(new ObjectMapper().readTree(json.replace("mhegelheimer", "someone-else")),
        "t.json").env()).isNull();
  }

  @Test
  void theListingNamesEveryTaskInTheCataloguesOrder() {
    List<TaskDefinition> built = TaskCatalog.all(PythonPackages.system("test"));

    assertThat(TaskCatalog.list()).extracting(TaskCatalog.Entry::name)
        .containsExactlyElementsOf(built.stream().map(TaskDefinition::name).toList());
    assertThat(TaskCatalog.list()).extracting(TaskCatalog.Entry::level)
        .containsExactlyElementsOf(built.stream().map(TaskDefinition::level).toList());
  }

  @Test
  void onlyAPythonTaskAsksForPythonsPackageSource() {
    TaskDefinition node = TaskCatalog.byName("express-openapi-postgres", () -> {
      throw new AssertionError("a Node task asked for the Python package source (pip and the index)");
    }).orElseThrow();
    assertThat(node.setupCmds()).anyMatch(c -> c.startsWith("npm install"));

    int[] asked = {0};
    TaskCatalog.byName("flask-openapi-postgres", () -> {
      asked[0]++;
      return PythonPackages.system("test");
    }).orElseThrow();
    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void unknownTaskNameSaysHowToFindOne() {
    assertThatThrownBy(() -> TaskLoader.load("rails-openapi-postgres", null))
        .hasMessageContaining("unknown task rails-openapi-postgres").hasMessageContaining("tasks list");
  }

  @Test
  void ourFormatRejectsUnknownConstraints() throws Exception {
    Path f = tmp.resolve("t.json");
    Files.writeString(f, new ObjectMapper().writeValueAsString(Map.of("name", "x", "framework", "flask",
        "constraints", java.util.List.of("mongodb"), "runCmds", java.util.List.of("./run.sh"))));
    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null)).hasMessageContaining("unknown constraint 'mongodb'");
  }
}
