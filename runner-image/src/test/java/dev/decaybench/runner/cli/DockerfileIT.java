package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No Docker engine here, so the image is checked from its parts: the Dockerfile's copies of the
 * Maven build are laid out under a directory as the image would hold them, and the entrypoint,
 * pointed there, runs as a plain process. Runs in the integration phase of the build (after the
 * jars are packaged).
 */
class DockerfileIT {

  private static final String TASK = "flask-openapi-clean_architecture-postgres-sqlalchemy";
  private static final String PRIVATE = "/opt/decaybench/private";

  @TempDir
  Path root;

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "Dockerfile.node"})
  void theEntrypointStartsFromTheCopiedFiles(String dockerfile) throws Exception {
    List<String> entrypoint = layOut(dockerfile);
    Result r = run(entrypoint, root, "--version");
    assertThat(r.exit).as(r.out).isZero();
    assertThat(r.out).contains("decaybench");
  }

  /**
   * The app container and LLM or command agents run the same runner jar with {@code private/}
   * hidden: the jar itself must not hold the reference apps, and the built-in reference agent
   * finds them only where the private directory is.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "Dockerfile.node"})
  void theReferenceAppsAreOnlyInThePrivateDirectory(String dockerfile) throws Exception {
    List<String> entrypoint = layOut(dockerfile);
    Path runnerJar = Path.of(entrypoint.get(entrypoint.size() - 1));
    assertThat(entries(runnerJar)).as("the image's runner jar").isNotEmpty()
        .noneMatch(e -> e.startsWith("reference-apps/"));
    assertThat(root.resolve(PRIVATE.substring(1)).resolve("examples/quickstart")).isDirectory();

    assertThat(referenceAgent(entrypoint, "with-private").path("finished").asBoolean())
        .as("the reference agent with the private directory").isTrue();
    Path hiddenMount = Files.createTempDirectory(root, "empty");
    Trees.deleteQuietly(root.resolve(PRIVATE.substring(1)));
    Files.move(hiddenMount, root.resolve(PRIVATE.substring(1)));
    JsonNode hidden = referenceAgent(entrypoint, "private-hidden");
    assertThat(hidden.path("finished").asBoolean()).isFalse();
    assertThat(hidden.path("note").asText()).contains("unknown reference app");
  }

  private JsonNode referenceAgent(List<String> entrypoint, String name) throws Exception {
    Path dir = Files.createDirectories(root.resolve("trials").resolve(name));
    Result prepare = run(entrypoint, dir, "prepare", "--task", TASK, "--workspace", "app",
        "--prompt", "prompt.md");
    assertThat(prepare.exit).as(prepare.out).isZero();
    Result agent = run(entrypoint, dir, "agent", "--type", "reference", "--task", TASK,
        "--workspace", "app", "--prompt", "prompt.md", "--trajectory", "trajectory.txt",
        "--patch", "patch.diff");
    assertThat(agent.exit).as(agent.out).isZero();
    return new ObjectMapper().readTree(dir.resolve("agent.json").toFile());
  }

  /** Copies what the Dockerfile copies under {@link #root}; returns the entrypoint there. */
  private List<String> layOut(String dockerfile) throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String entrypoint = null;
    int copies = 0;
    for (String line : Files.readAllLines(module.resolve(dockerfile))) {
      String l = line.strip();
      if (l.startsWith("COPY ") || l.startsWith("ADD ")) {
        String[] parts = l.split("\\s+");
        Path from = module.resolve(parts[1]);
        assertThat(from).as(dockerfile + " copies " + parts[1]).exists();
        copies++;
        String dest = parts[parts.length - 1];
        if (!dest.startsWith("/opt/")) {
          continue; // build-time inputs (the npm seed's package files), not the image's runner
        }
        Path to = root.resolve(dest.substring(1));
        if (Files.isDirectory(from)) {
          Trees.copy(from, to, Set.of());
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(from, to);
        }
      }
      if (l.startsWith("ENTRYPOINT ")) {
        entrypoint = l.substring("ENTRYPOINT ".length());
      }
    }
    assertThat(copies).isPositive();
    assertThat(entrypoint).isNotNull();
    List<String> cmd = new ArrayList<>();
    for (JsonNode node : new ObjectMapper().readTree(entrypoint)) {
      String arg = node.asText();
      cmd.add(arg.startsWith("/opt/") ? root.resolve(arg.substring(1)).toString() : arg);
    }
    return cmd;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(e -> e.getName()).toList();
    }
  }

  private record Result(int exit, String out) {}

  private Result run(List<String> entrypoint, Path dir, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(entrypoint);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(Map.of("DECAYBENCH_EXAMPLES",
        root.resolve(PRIVATE.substring(1)).resolve("examples").toString()));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
