package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No Docker engine here, so the image is checked from its parts: every file the Dockerfile
 * copies exists after the Maven build, and the entrypoint, pointed at those files, starts as a
 * plain process. Runs in the integration phase of the build (after the jar is packaged).
 */
class DockerfileIT {

  @ParameterizedTest
  @ValueSource(strings = {"Dockerfile", "Dockerfile.node"})
  void everyCopiedFileExistsAndTheEntrypointStarts(String dockerfile) throws Exception {
    Path module = Path.of("").toAbsolutePath();
    List<String> lines = Files.readAllLines(module.resolve(dockerfile));
    List<String[]> copies = new ArrayList<>();
    String entrypoint = null;
    for (String line : lines) {
      String l = line.strip();
      if (l.startsWith("COPY ") || l.startsWith("ADD ")) {
        String[] parts = l.split("\\s+");
        copies.add(new String[] {parts[1], parts[2]});
        assertThat(module.resolve(parts[1])).as(dockerfile + " copies " + parts[1]).exists();
      }
      if (l.startsWith("ENTRYPOINT ")) {
        entrypoint = l.substring("ENTRYPOINT ".length());
      }
    }
    assertThat(copies).isNotEmpty();
    assertThat(entrypoint).isNotNull();
    List<String> cmd = new ArrayList<>();
    for (var node : new ObjectMapper().readTree(entrypoint)) {
      String arg = node.asText();
      for (String[] c : copies) {
        if (arg.startsWith(c[1])) {
          arg = module.resolve(c[0]).toString() + arg.substring(c[1].length());
        }
      }
      cmd.add(arg);
    }
    cmd.add("--version");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("decaybench");
  }
}
