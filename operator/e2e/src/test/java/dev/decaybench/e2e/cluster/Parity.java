package dev.decaybench.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.TrialPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One manifest, two places: the trials a cluster run left in its namespace, and
 * {@code decaybench run -f} of the same manifest on this machine. Each trial's verdict (A%,
 * strict A%, failure class) must be the same: the engine is one, only where a trial runs
 * differs. The local run goes side by side with the cluster's (minutes off CI); to measure
 * wall times (docs/benchmarks.md) run with {@code -Ddecaybench.parity.sequential=true}, which
 * starts it only after the cluster's, so each has the machine to itself.
 */
public final class Parity {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** -Ddecaybench.parity.sequential=true: the local run starts after the cluster's. */
  private static final boolean SEQUENTIAL = Boolean.getBoolean("decaybench.parity.sequential");

  /** Verdicts by task#repeat, and how long each trial and the whole run took. */
  public record Side(Map<String, String> verdicts, List<Long> trialMillis, long runSeconds) {}

  private Parity() {}

  /**
   * Starts {@code decaybench run -f manifest} here with the runner jar of this build (unless
   * sequential timing is asked for: then at {@link #assertSameVerdicts}).
   */
  public static LocalRun startLocally(Path manifest) throws IOException {
    LocalRun local = new LocalRun(manifest);
    if (!SEQUENTIAL) {
      local.start();
    }
    return local;
  }

  /** Compares a finished cluster run with the local run of the same manifest. */
  public static void assertSameVerdicts(KubernetesClient admin, String namespace, LocalRun local,
      long clusterSeconds) throws Exception {
    EvaluationRun run = admin.resources(EvaluationRun.class).load(local.manifest.toFile()).item();
    String name = run.getMetadata().getName();
    Side cluster = onCluster(admin, namespace, name, clusterSeconds);
    Side here = local.await();
    System.out.printf("%s: local %s%ncluster %s%n", name, here.verdicts(), cluster.verdicts());
    System.out.printf("%s timings (%s): %d trials, parallelism %d; per trial median %d ms in a"
        + " pod (created to finished), %d ms locally; whole run %d s on the cluster (%.1f"
        + " trials/min), %d s locally (%.1f trials/min)%n", name,
        SEQUENTIAL ? "one after the other" : "side by side",
        cluster.trialMillis().size(), run.getSpec().getParallelism(),
        median(cluster.trialMillis()), median(here.trialMillis()), cluster.runSeconds(),
        perMinute(cluster), here.runSeconds(), perMinute(here));
    assertThat(cluster.verdicts()).isNotEmpty().isEqualTo(here.verdicts());
  }

  /** {@code decaybench run -f} of a manifest on this machine, as a process. */
  public static final class LocalRun {
    private final Path manifest;
    private final Path out;
    private Process process;
    private Instant start;
    private CompletableFuture<Instant> end;

    private LocalRun(Path manifest) throws IOException {
      this.manifest = manifest;
      this.out = Files.createTempDirectory("parity-local");
    }

    private void start() throws IOException {
      Path jar = ControlPlane.repoRoot().resolve("runner-image/target/decaybench-runner.jar");
      start = Instant.now();
      process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-jar", jar.toString(), "run", "-f", manifest.toString(),
          "--out", out.toString())
          .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName()
              + ".log").toFile()).start();
      end = process.onExit().thenApply(p -> Instant.now());
    }

    private Side await() throws Exception {
      if (process == null) {
        start();
      }
      assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
      long seconds = Duration.between(start, end.get()).toSeconds();
      assertThat(process.exitValue()).as("local run, log in %s.log", out).isIn(0, 1);
      Map<String, String> verdicts = new TreeMap<>();
      List<Long> millis = new ArrayList<>();
      for (JsonNode t : JSON.readTree(out.resolve("run.json").toFile()).path("trials")) {
        JsonNode r = t.path("record");
        millis.add(r.path("durationMs").asLong());
        verdicts.put(r.path("task").asText() + "#" + r.path("repeat").asInt(), verdict(
            r.path("aPct").asDouble(), r.path("strictAPct").asDouble(),
            r.path("failureCoarse").isMissingNode() || r.path("failureCoarse").isNull() ? null
                : r.path("failureCoarse").asText()));
      }
      return new Side(verdicts, millis, seconds);
    }
  }

  private static Side onCluster(KubernetesClient admin, String namespace, String run,
      long runSeconds) {
    Map<String, String> verdicts = new TreeMap<>();
    List<Long> millis = new ArrayList<>();
    for (EvaluationTrial t : admin.resources(EvaluationTrial.class).inNamespace(namespace)
        .withLabel("decaybench.dev/run", run).list().getItems()) {
      assertThat(t.getStatus().getPhase()).as(t.getStatus().getMessage())
          .isEqualTo(TrialPhase.EVALUATED);
      verdicts.put(t.getSpec().getTask() + "#" + t.getSpec().getRepeat(), verdict(
          t.getStatus().getAPct(), t.getStatus().getStrictAPct(),
          t.getStatus().getFailure() == null ? null : t.getStatus().getFailure().getCoarse()));
      millis.add(Duration.between(Instant.parse(t.getStatus().getStartTime()),
          Instant.parse(t.getStatus().getCompletionTime())).toMillis());
    }
    return new Side(verdicts, millis, runSeconds);
  }

  private static String verdict(Double aPct, Double strict, String failure) {
    return String.format("A%%=%.2f strict=%.2f failure=%s", aPct, strict, failure);
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static double perMinute(Side side) {
    return side.trialMillis().size() * 60.0 / Math.max(1, side.runSeconds());
  }
}
