package dev.decaybench.runner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task file with a mistake is refused with a sentence naming the file, the field and what is allowed. */
class TaskFileMistakesTest {

  @TempDir
  Path tmp;

  @Test
  void anUnknownFieldIsNamedWithTheFileAndTheKnownFields() throws Exception {
    Path f = task("{\"name\": \"x\", \"runCmds\": [\"./run.sh\"], \"ports\": 3000}");

    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("unknown field 'ports'")
        .hasMessageContaining(f.toString())
        .hasMessageContaining("known fields: name, suite, framework, constraints, level, port, baseUrl, "
            + "healthcheckEndpoint, setupCmds, runCmds, env, pythonPackages, repo, prompt")
        .message().doesNotContain("com.fasterxml", "Unrecognized", "TaskDefinition");
  }

  @Test
  void anUnknownFieldInsideRepoIsNamedWithItsPath() throws Exception {
    Path f = task("{\"name\": \"x\", \"runCmds\": [], \"repo\": {\"url\": \"u\", \"branch\": \"main\"}}");

    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null))
        .hasMessageContaining("unknown field 'repo.branch'")
        .hasMessageContaining("known fields of 'repo': commit, patch, url");
  }

  @Test
  void aFieldOfTheWrongTypeSaysWhatItMustBe() throws Exception {
    Path f = task("{\"name\": \"x\", \"runCmds\": [\"./run.sh\"], \"port\": \"eighty\"}");

    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null))
        .hasMessageContaining(f + ": field 'port' must be a whole number")
        .message().doesNotContain("com.fasterxml", "`int`");
  }

  @Test
  void aFileThatIsNotJsonSaysWhereItBreaks() throws Exception {
    Path f = task("{\"name\": \"x\",\n \"runCmds\": [\"./run.sh\"\n}");

    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("task file " + f + " is not valid JSON (line 3");
  }

  @Test
  void anUnknownFrameworkIsRefusedWithTheKnownOnes() throws Exception {
    Path f = task("{\"name\": \"x\", \"framework\": \"rails\", \"runCmds\": [\"./run.sh\"]}");

    assertThatThrownBy(() -> TaskLoader.load(f.toString(), null))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining(f + ": unknown framework 'rails' "
            + "(known: flask, fastapi, aiohttp, django, express, koa, fastify, hono)");
  }

  @Test
  void aFileWrittenByTasksShowLoadsBackLevelIncluded() throws Exception {
    Path f = task("{\"name\": \"x\", \"framework\": \"koa\", \"constraints\": [\"postgres\"], \"level\": 1,"
        + " \"port\": 3000, \"runCmds\": [\"./run.sh\"]}");

    TaskDefinition t = TaskLoader.load(f.toString(), null);

    assertThat(t.framework()).isEqualTo("koa");
    assertThat(t.level()).isEqualTo(1);
  }

  @Test
  void withoutATaskANodeAppListensOn3000AfterNpmInstall() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("node-app"));
    Files.writeString(app.resolve("package.json"), "{}");

    TaskDefinition t = TaskLoader.load(null, app);

    assertThat(t.port()).isEqualTo(3000);
    assertThat(t.setupCmds()).first().asString().startsWith("npm install");
    assertThat(t.setupCmds()).last().isEqualTo("chmod +x run.sh");
    assertThat(t.runCmds()).containsExactly("./run.sh");
  }

  @Test
  void withoutATaskAnyOtherAppIsPythonOn8080WithOnlyRunShMadeExecutable() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("py-app"));

    TaskDefinition t = TaskLoader.load(null, app);

    assertThat(t.port()).isEqualTo(8080);
    assertThat(t.setupCmds()).containsExactly("chmod +x run.sh");
    assertThat(t.runCmds()).containsExactly("./run.sh");
  }

  private Path task(String json) throws Exception {
    return Files.writeString(tmp.resolve("my-task.json"), json);
  }
}
