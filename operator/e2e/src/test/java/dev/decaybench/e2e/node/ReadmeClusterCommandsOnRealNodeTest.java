package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.e2e.cluster.ChartRelease;
import dev.decaybench.e2e.cluster.ControlPlane;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.e2e.cluster.Parity;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.e2e.cluster.RestrictedNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README's first-run commands on a cluster, verbatim: the chart installed as README installs it
 * (release and namespace {@code decaybench}; images from this machine instead of a registry),
 * then each line of the README block that applies examples/cluster-parity.yaml (the reference
 * agent on Flask and Express at L0 and L3), run by bash with the kubectl built beside the control
 * plane. Every trial then scores the same as with {@code decaybench run -f} here.
 */
class ReadmeClusterCommandsOnRealNodeTest extends RealClusterTest {

  private static final String NAMESPACE = "decaybench";

  private final RealNodeCluster cluster = RealNodeCluster.get();

  ReadmeClusterCommandsOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void readmesFirstClusterRunWorksVerbatim() throws Exception {
    List<String> commands = readmeCommands();
    assertThat(commands).as("README's first-run block").isNotEmpty()
        .allSatisfy(c -> assertThat(c).startsWith("kubectl "));
    ControlPlane cp = cluster.controlPlane();
    RestrictedNamespace.recreate(admin, NAMESPACE);
    ChartRelease release = ChartRelease.install(cp, "decaybench", NAMESPACE,
        RealNodeCluster.chartValues());
    try {
      operator = InstalledOperator.start(cp, release,
          Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
      Path kubectl = cp.binaries();
      Parity.LocalRun local = Parity.startLocally(
          ControlPlane.repoRoot().resolve("examples/cluster-parity.yaml"));
      Map<String, String> outputs = new LinkedHashMap<>();
      Instant start = Instant.now();
      for (String command : commands) {
        outputs.put(command, run(command, kubectl, cp.adminKubeconfig()));
      }
      long clusterSeconds = Duration.between(start, Instant.now()).toSeconds();
      String runs = outputs.entrySet().stream().filter(e -> e.getKey().contains("evaluationruns"))
          .map(Map.Entry::getValue).findFirst().orElseThrow();
      String trials = outputs.entrySet().stream()
          .filter(e -> e.getKey().contains("evaluationtrials")).map(Map.Entry::getValue)
          .findFirst().orElseThrow();
      assertThat(runs).contains("PHASE", "A%", "cluster-parity", "Succeeded");
      assertThat(trials.lines().filter(l -> l.startsWith("cluster-parity-"))).hasSize(4)
          .allSatisfy(l -> assertThat(l).contains("Evaluated"));
      // and the same numbers as `decaybench run -f` of the manifest, trial for trial
      Parity.assertSameVerdicts(admin, NAMESPACE, local, clusterSeconds);
    } finally {
      if (operator != null) {
        operator.close();
        operator = null;
      }
      release.uninstall(cp);
      RestrictedNamespace.delete(admin, NAMESPACE);
    }
  }

  /** The fenced block of README's cluster section that applies examples/cluster-parity.yaml. */
  static List<String> readmeCommands() throws IOException {
    String readme = Files.readString(ControlPlane.repoRoot().resolve("README.md"));
    String section = readme.substring(readme.indexOf("## On a Kubernetes cluster"));
    for (String block : section.split("```")) {
      if (block.startsWith("bash") && block.contains("-f examples/cluster-parity.yaml")) {
        List<String> out = new ArrayList<>();
        block.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty())
            .forEach(out::add);
        return out;
      }
    }
    return List.of();
  }

  private static String run(String command, Path binaries, Path kubeconfig) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command)
        .directory(ControlPlane.repoRoot().toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", binaries + ":" + System.getenv("PATH"));
    pb.environment().put("KUBECONFIG", kubeconfig.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(35, TimeUnit.MINUTES)).as(command).isTrue();
    System.out.printf("$ %s%n%s", command, output);
    assertThat(p.exitValue()).as(command + "\n" + output).isZero();
    return output;
  }
}
