package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecaybenchCliTest {

  @TempDir
  Path tmp;

  @Test
  void unknownConstraintIsAUsageErrorWithTheKnownOnes() {
    String err = captureErr(() -> assertThat(DecaybenchCli.run("evaluate", "--app", tmp.toString(),
        "--out", tmp.resolve("o").toString(), "--constraints", "mongodb")).isEqualTo(2));
    assertThat(err).contains("unknown constraint 'mongodb'").contains("clean_architecture");
  }

  @Test
  void missingAppDirectoryIsAHarnessErrorWithoutStackTrace() {
    String err = captureErr(() -> assertThat(DecaybenchCli.run("evaluate", "--app",
        tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString())).isEqualTo(3));
    assertThat(err).contains("does not exist").doesNotContain("at dev.decaybench");
  }

  @Test
  void aTaskFileWithAnUnknownFieldIsAUsageErrorNamingFieldAndFile() throws Exception {
    Path task = Files.writeString(tmp.resolve("t.json"), "{\"name\": \"x\", \"runCmds\": [], \"prot\": 1}");
    String err = captureErr(() -> assertThat(DecaybenchCli.run("evaluate", "--app", tmp.toString(),
        "--out", tmp.resolve("o").toString(), "--task", task.toString())).isEqualTo(2));
    assertThat(err).contains("unknown field 'prot'").contains(task.toString()).contains("known fields: name,")
        .doesNotContain("at dev.decaybench", "com.fasterxml");
  }

  @Test
  void aRepoDirWithoutItsDirectoryIsAUsageErrorForRunAndPrepare() {
    CliRun run = CliRun.of("run", "-f", "../examples/feature-tasks.yaml", "--repo-dir", "realworld-flask");
    CliRun prepare = CliRun.of("prepare", "--task", "../examples/feature-tasks/flask-comments-removed.json",
        "--workspace", "target/ws-never", "--prompt", "target/p-never.md", "--repo-dir", "realworld-flask");

    for (CliRun r : List.of(run, prepare)) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--repo-dir takes NAME=DIR");
    }
  }

  @Test
  void anUnknownTaskNameIsAUsageError() {
    String err = captureErr(() -> assertThat(DecaybenchCli.run("tasks", "show", "rails-openapi-postgres"))
        .isEqualTo(2));
    assertThat(err).contains("unknown task rails-openapi-postgres");
  }

  @Test
  void listingAnUnknownFrameworkIsRefusedWithTheKnownOnes() {
    String err = captureErr(() -> assertThat(DecaybenchCli.run("tasks", "list", "--framework", "rails"))
        .isEqualTo(2));
    assertThat(err).contains("unknown framework 'rails' (known: flask, fastapi, aiohttp, django, express, koa,"
        + " fastify, hono)");
  }

  @Test
  void helpListsEverySubcommandWithoutAFormattingWarning() {
    CliRun help = CliRun.of("--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("evaluate", "run", "tasks", "prepare", "agent", "report", "compare",
        "classify", "help", "A% and strict A%");
    assertThat(help.err()).doesNotContain("WARN");
  }

  @Test
  void noSubcommandPrintsTheUsageWithEverySubcommand() {
    CliRun bare = CliRun.of();

    assertThat(bare.out()).contains("Usage: decaybench [-hV] [COMMAND]", "evaluate", "classify");
  }

  @Test
  void helpOnASubcommandAndAMistypedOneStillSeeEverySubcommand() {
    CliRun helpOn = CliRun.of("help", "compare");
    CliRun typo = CliRun.of("evalute");

    assertThat(helpOn.code()).isZero();
    assertThat(helpOn.out()).contains("Usage: decaybench compare");
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean: decaybench evaluate?");
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneRegistered() {
    assertThat(DecaybenchCli.commandLine("evaluate", "--app", "x").getSubcommands()).containsOnlyKeys("evaluate");
    assertThat(DecaybenchCli.commandLine("--version").getSubcommands()).hasSize(10);
  }

  private static String captureErr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString();
  }
}
