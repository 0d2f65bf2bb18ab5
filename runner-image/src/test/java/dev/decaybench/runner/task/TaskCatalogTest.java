package dev.decaybench.runner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.cli.DecaybenchCli;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void paperTaskFilesImportIntoOurFormatAndLoadBack() throws Exception {
    Path fixtures = Path.of("src/test/resources/paper-tasks");
    assertThat(DecaybenchCli.run("tasks", "import", fixtures.toString(), "--out", tmp.toString())).isZero();
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
        "fastapi-openapi-clean_architecture-sqlite-sqlalchemy.json", "flask-hard-focused-task-009.json",
        "koa-openapi-unconstrained.json");
    TaskDefinition feature = TaskLoader.load(tmp.resolve("flask-hard-focused-task-009.json").toString(), null);
    assertThat(feature.repo().commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(feature.healthcheckEndpoint()).isEqualTo("/api/ping");
    assertThat(feature.framework()).isEqualTo("flask");
    TaskDefinition greenfield = TaskLoader.load(
        tmp.resolve("fastapi-openapi-clean_architecture-sqlite-sqlalchemy.json").toString(), null);
    assertThat(greenfield.constraints()).containsExactly("clean_architecture", "sqlite", "sqlalchemy");
    assertThat(greenfield.level()).isEqualTo(3);
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
