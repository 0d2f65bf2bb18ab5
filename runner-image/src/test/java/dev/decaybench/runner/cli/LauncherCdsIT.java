package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.engine.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./decaybench} launcher's class-data sharing archive holds an evaluation's classes:
 * a first command that evaluates nothing (--version) writes none, the first evaluation writes
 * it (a static archive, made from the classes it loaded), and later commands read it. Runs after the jar is packaged (the launcher would build it).
 */
class LauncherCdsIT {

  @TempDir
  Path cache;

  @Test
  void theArchiveIsWrittenByTheFirstEvaluationNotByTheFirstCommand() throws Exception {
    Path launcher = Path.of("").toAbsolutePath().getParent().resolve("decaybench");

    assertThat(run(launcher, "--version")).isZero();
    assertThat(archives()).as("--version writes no archive").isEmpty();

    Path out = cache.resolveSibling(cache.getFileName() + "-out");
    assertThat(run(launcher, "evaluate", "--app", TestApps.reference(TestApps.FLASK).toString(),
        "--out", out.toString(), "--task", TestApps.FLASK_TASK, "--no-extended")).isZero();
    List<Path> written = archives();
    assertThat(written).as("the evaluation's archive").hasSize(1);
    long size = Files.size(written.get(0));
    assertThat(size).as("an evaluation's classes, not only the CLI's").isGreaterThan(8L << 20);

    assertThat(run(launcher, "--version")).isZero();
    assertThat(archives()).as("read, not written again").containsExactlyElementsOf(written);
    try (Stream<Path> left = Files.list(cache)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no class list or half-written archive left")
          .noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  /** Picocli's classes are Java 5 bytecode, which only a static archive holds on Java 17. */
  @Test
  void theArchiveHoldsTheCommandLineLibrary() throws Exception {
    Path launcher = Path.of("").toAbsolutePath().getParent().resolve("decaybench");
    Path out = cache.resolveSibling(cache.getFileName() + "-out2");
    assertThat(run(launcher, "evaluate", "--app", TestApps.reference(TestApps.FLASK).toString(),
        "--out", out.toString(), "--task", TestApps.FLASK_TASK, "--no-extended")).isZero();

    String loaded = output(launcher, "-Xlog:class+load", "--version");

    assertThat(loaded).contains("picocli.CommandLine source: shared objects file")
        .contains("dev.decaybench.runner.cli.DecaybenchCli source: shared objects file");
  }

  private List<Path> archives() throws Exception {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  private String output(Path launcher, String javaOptions, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DECAYBENCH_CACHE", cache.toString());
    pb.environment().put("DECAYBENCH_JAVA_OPTS", javaOptions);
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return text;
  }

  private int run(Path launcher, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DECAYBENCH_CACHE", cache.toString());
    pb.environment().put("DECAYBENCH_PYTHON_PACKAGES", "system");
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
