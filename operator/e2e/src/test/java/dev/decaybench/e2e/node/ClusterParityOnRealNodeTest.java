package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.api.v1alpha1.EvaluationRun;
import dev.decaybench.api.v1alpha1.EvaluationTrial;
import dev.decaybench.api.v1alpha1.TrialPhase;
import dev.decaybench.e2e.cluster.ControlPlane;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.operator.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One manifest (examples/cluster-parity*.yaml), two places: `decaybench run -f` on this machine
 * and the operator with trial pods on the real node. Every trial's A%, strict A% and failure
 * class must be the same: the engine is one, only where a trial runs differs.
 */
class ClusterParityOnRealNodeTest extends RealClusterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RealNodeCluster cluster = RealNodeCluster.get();

  ClusterParityOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  /**
   * The reference agent, and stored solutions with planted defects (replay; their overlays come
   * from the examples shipped in the runner image, and a solution missing on purpose is an agent
   * that produced nothing, classified from its trajectory in both places).
   */
  @ParameterizedTest
  @ValueSource(strings = {"cluster-parity.yaml", "cluster-parity-replay.yaml"})
  void everyTrialScoresTheSameInAPodAsLocally(String file) throws Exception {
    Path manifest = ControlPlane.repoRoot().resolve("examples").resolve(file);
    operator = InstalledOperator.start(cluster.controlPlane(), cluster.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    EvaluationRun run = admin.resources(EvaluationRun.class).load(manifest.toFile()).item();
    run.getMetadata().setNamespace(RealNodeCluster.NAMESPACE);
    String name = run.getMetadata().getName();
    Instant clusterStart = Instant.now();
    admin.resource(run).create();

    Await.until(Duration.ofMinutes(15), "run " + name + " finished on the cluster", () -> {
      EvaluationRun r = admin.resources(EvaluationRun.class)
          .inNamespace(RealNodeCluster.NAMESPACE).withName(name).get();
      return r.getStatus() != null && r.getStatus().getPhase() != null
          && r.getStatus().getPhase().isTerminal();
    });
    long clusterSeconds = Duration.between(clusterStart, Instant.now()).toSeconds();
    List<Long> podMillis = new ArrayList<>();
    Map<String, String> onCluster = new TreeMap<>();
    for (EvaluationTrial t : admin.resources(EvaluationTrial.class)
        .inNamespace(RealNodeCluster.NAMESPACE).withLabel("decaybench.dev/run", name)
        .list().getItems()) {
      assertThat(t.getStatus().getPhase()).as(t.getStatus().getMessage())
          .isEqualTo(TrialPhase.EVALUATED);
      onCluster.put(t.getSpec().getTask() + "#" + t.getSpec().getRepeat(), verdict(
          t.getStatus().getAPct(), t.getStatus().getStrictAPct(),
          t.getStatus().getFailure() == null ? null : t.getStatus().getFailure().getCoarse()));
      // the trial's wall time in its pod: created, scheduled, images, sidecar, agent, evaluation
      podMillis.add(Duration.between(Instant.parse(t.getStatus().getStartTime()),
          Instant.parse(t.getStatus().getCompletionTime())).toMillis());
    }
    // after the cluster run, not beside it: both get the machine to themselves, so the wall
    // times below compare
    Instant localStart = Instant.now();
    List<Long> localMillis = new ArrayList<>();
    Map<String, String> local = runLocally(manifest, localMillis);
    long localSeconds = Duration.between(localStart, Instant.now()).toSeconds();
    System.out.printf("%s: local %s%ncluster %s%n", name, local, onCluster);
    System.out.printf("%s timings: %d trials, parallelism %d; per trial median %d ms in a pod,"
        + " %d ms locally; whole run %d s on the cluster (%.1f trials/min), %d s locally"
        + " (%.1f trials/min)%n", name, podMillis.size(), run.getSpec().getParallelism(),
        median(podMillis), median(localMillis), clusterSeconds,
        podMillis.size() * 60.0 / Math.max(1, clusterSeconds), localSeconds,
        localMillis.size() * 60.0 / Math.max(1, localSeconds));

    assertThat(onCluster).isNotEmpty().isEqualTo(local);
  }

  /** `decaybench run -f` of the same manifest with the runner jar of this build. */
  private static Map<String, String> runLocally(Path manifest, List<Long> trialMillis)
      throws Exception {
    Path out = Files.createTempDirectory("cluster-parity-local");
    Path jar = ControlPlane.repoRoot().resolve("runner-image/target/decaybench-runner.jar");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", jar.toString(), "run", "-f", manifest.toString(),
        "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log")
            .toFile()).start();
    assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("local run, log in %s.log", out).isIn(0, 1);
    Map<String, String> verdicts = new TreeMap<>();
    for (JsonNode t : JSON.readTree(out.resolve("run.json").toFile()).path("trials")) {
      JsonNode r = t.path("record");
      trialMillis.add(r.path("durationMs").asLong());
      verdicts.put(r.path("task").asText() + "#" + r.path("repeat").asInt(), verdict(
          r.path("aPct").asDouble(), r.path("strictAPct").asDouble(),
          r.path("failureCoarse").isMissingNode() || r.path("failureCoarse").isNull() ? null
              : r.path("failureCoarse").asText()));
    }
    return verdicts;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static String verdict(Double aPct, Double strict, String failure) {
    return String.format("A%%=%.2f strict=%.2f failure=%s", aPct, strict, failure);
  }
}
