package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.decaybench.runner.util.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first runs: decaybench started as its own processes on an empty cache, as a user
 * would, with first-use preparation (PostgreSQL binaries, the template) racing between threads
 * and between processes, and killed half-way.
 */
class ColdCacheTest {

  private static final Path FLASK = Path.of("src/main/resources/reference-apps/flask-sqlalchemy-postgres")
      .toAbsolutePath();
  private static final String FLASK_TASK = "flask-openapi-clean_architecture-postgres-sqlalchemy";

  @TempDir
  Path tmp;

  @Test
  void parallelRunOnAnEmptyCacheEvaluatesEveryTrial() throws Exception {
    Path cache = emptyCache();
    Path manifest = tmp.resolve("run.yaml");
    Files.writeString(manifest, """
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata: {name: cold}
        spec:
          agent: {type: reference}
          tasks: {frameworks: [flask], variants: [unconstrained, postgres]}
          repeats: 2
          parallelism: 4
        """);

    Process run = cli(cache, "run", "-f", manifest.toString(), "--out", tmp.resolve("run").toString(),
        "--parallel", "4");

    assertThat(finish(run, 600)).isZero();
    JsonNode counts = Json.mapper().readTree(tmp.resolve("run/run.json").toFile()).path("counts");
    assertThat(counts.path("trials").asInt()).isEqualTo(4);
    assertThat(counts.path("crashed").asInt()).isZero();
    assertThat(counts.path("evaluated").asInt()).isEqualTo(4);
  }

  @Test
  void twoEvaluationsStartedTogetherOnOneEmptyCacheBothScore() throws Exception {
    Path cache = emptyCache();
    Process a = cli(cache, "evaluate", "--app", FLASK.toString(), "--out", tmp.resolve("a").toString(),
        "--task", FLASK_TASK, "--no-extended");
    Process b = cli(cache, "evaluate", "--app", FLASK.toString(), "--out", tmp.resolve("b").toString(),
        "--task", FLASK_TASK, "--no-extended");

    assertThat(finish(a, 300)).isZero();
    assertThat(finish(b, 300)).isZero();
    for (String out : List.of("a", "b")) {
      assertThat(Json.mapper().readTree(tmp.resolve(out).resolve("result.json").toFile())
          .path("aPct").asDouble()).isEqualTo(100.0);
    }
  }

  @Test
  void aPreparationKilledHalfWayIsRedoneByTheNextRun() throws Exception {
    Path cache = emptyCache();
    Process first = cli(cache, "evaluate", "--app", FLASK.toString(), "--out",
        tmp.resolve("killed").toString(), "--task", FLASK_TASK, "--no-extended");
    // kill -9 while the binaries are being unpacked into their staging directory
    long deadline = System.currentTimeMillis() + 120_000;
    while (!stagingExists(cache) && first.isAlive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(5);
    }
    assertThat(stagingExists(cache)).as("unpacking was seen in progress").isTrue();
    first.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    first.destroyForcibly();
    first.waitFor(30, TimeUnit.SECONDS);
    assertThat(hasEntry(cache, "postgres-")).as("nothing half-built is published").isFalse();

    Process second = cli(cache, "evaluate", "--app", FLASK.toString(), "--out",
        tmp.resolve("after").toString(), "--task", FLASK_TASK, "--no-extended");

    assertThat(finish(second, 300)).isZero();
    assertThat(Json.mapper().readTree(tmp.resolve("after/result.json").toFile()).path("aPct").asDouble())
        .isEqualTo(100.0);
    assertThat(stagingExists(cache)).as("the killed run's debris is cleared").isFalse();
  }

  @Test
  void evaluateLeavesNoProcessBehind() throws Exception {
    String marker = "leftover-" + UUID.randomUUID().toString().substring(0, 8);
    Path app = tmp.resolve("app");
    Files.createDirectories(app);
    Files.writeString(app.resolve("run.sh"), "#!/bin/bash\n"
        + "setsid nohup sleep 600 " + marker + " >/dev/null 2>&1 &\n"
        + "( ( sleep 700 " + marker + " & ) & )\n"
        + "exec python3 -m http.server \"$PORT\" --bind 0.0.0.0 " + marker + "\n");
    Files.setPosixFilePermissions(app.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    // setsid: the CLI leads a process group of its own, which must be empty when it returns
    List<String> cmd = new ArrayList<>(List.of("setsid"));
    cmd.addAll(javaCommand("evaluate", "--app", app.toString(), "--out", tmp.resolve("out").toString(),
        "--health-timeout", "20", "--request-timeout", "1"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("cli.log").toFile()).start();
    long pgid = p.pid();

    assertThat(finish(p, 300)).isZero();

    Thread.sleep(300);
    assertThat(processGroup(pgid)).as("processes left in the CLI's group").isEmpty();
    assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
        .filter(c -> c.contains(marker)).toList()).as("processes the app started").isEmpty();
  }

  private final List<Path> caches = new ArrayList<>();

  @AfterEach
  void removeCaches() {
    caches.forEach(Trees::deleteQuietly);
  }

  /** Outside /tmp: PostgreSQL runs as nobody and must reach the binaries. */
  private Path emptyCache() throws IOException {
    Path cache = Files.createTempDirectory(Path.of("/var/tmp"), "decaybench-cold-");
    caches.add(cache);
    return cache;
  }

  private static boolean stagingExists(Path cache) throws IOException {
    return hasEntry(cache, ".staging-");
  }

  private static boolean hasEntry(Path cache, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p));
    }
  }

  private static List<String> processGroup(long pgid) throws IOException, InterruptedException {
    Process ps = new ProcessBuilder("ps", "-o", "pid=,args=", "-g", Long.toString(pgid)).start();
    String out = new String(ps.getInputStream().readAllBytes()).strip();
    ps.waitFor();
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  private Process cli(Path cache, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(javaCommand(args)).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("cli-" + UUID.randomUUID() + ".log").toFile());
    pb.environment().put("DECAYBENCH_CACHE", cache.toString());
    return pb.start();
  }

  private static List<String> javaCommand(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        DecaybenchCli.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private int finish(Process p, long seconds) throws Exception {
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("decaybench did not finish within " + seconds + " s");
    }
    if (p.exitValue() != 0) {
      try (Stream<Path> logs = Files.list(tmp)) {
        for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
          System.err.println(log + ":\n" + Files.readString(log));
        }
      }
    }
    return p.exitValue();
  }

  static {
    // surefire's class path entries are relative to the module directory, where the test runs
    assertThat(new File("pom.xml")).exists();
  }
}
