package dev.decaybench.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.e2e.cluster.AuditLog;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.OperatorProcess;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Trials through the real API server with the stand-in node, the operator in a process of its
 * own (-Xmx256m, the chart's settings, the chart's ServiceAccount). Prints the figures of
 * docs/benchmarks.md: API writes per trial as the server's audit log counts them, the time from
 * a trial's creation to its pod's, wall time, peak heap, the run status's size. 20 trials by
 * default (part of the suite: the write budget is a property of the design, checked); 1,000 with
 * {@code -Ddecaybench.e2e.trials=1000}.
 */
class RealClusterBenchmarkTest {

  private static final int TRIALS = Integer.getInteger("decaybench.e2e.trials", 20);
  private static final int PARALLELISM = Math.min(TRIALS, 50);

  @Test
  void trialsThroughTheRealApiServerStayWithinFourOperatorWritesEach() throws Exception {
    E2eCluster e2e = E2eCluster.get();
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(75, false,
        "logic_error"), Duration.ofMillis(200)));
    String name = "bench-" + TRIALS;
    Instant start = Instant.now();
    try (KubernetesClient admin = e2e.controlPlane().admin();
        OperatorProcess operator = OperatorProcess.start(e2e.controlPlane(), e2e.release(),
            "-Xmx256m", Map.of("DECAYBENCH_GLOBAL_PARALLELISM", Integer.toString(PARALLELISM)))) {
      // 80 built-in tasks: repeats make up the rest
      int repeats = Math.max(1, TRIALS / 80);
      EvaluationRun run = TRIALS >= 80 ? Runs.reference(name, null, null, repeats, PARALLELISM)
          : Runs.reference(name, List.of(dev.decaybench.model.v1alpha1.Framework.FLASK,
              dev.decaybench.model.v1alpha1.Framework.EXPRESS), null, 1, PARALLELISM);
      admin.resource(run).create();
      double heapPeak = 0;
      while (!"Succeeded".equals(Runs.phase(Runs.get(admin, name)))) {
        heapPeak = Math.max(heapPeak, operator.heapUsedBytes());
        Await.sleep(1000);
        assertThat(Duration.between(start, Instant.now())).as("run %s finished", name)
            .isLessThan(Duration.ofMinutes(30));
      }
      Duration wall = Duration.between(start, Instant.now());
      EvaluationRun done = Runs.get(admin, name);
      int trials = done.getStatus().getTrials().getTotal();
      int statusBytes = Serialization.asJson(done.getStatus()).getBytes(StandardCharsets.UTF_8)
          .length;

      Await.until(Duration.ofSeconds(120), "pods of " + name + " deleted",
          () -> Runs.pods(admin, name).isEmpty());
      List<AuditLog.Write> writes = new AuditLog(e2e.controlPlane().auditLog())
          .writesBy(AuditLog.serviceAccountUser(E2eCluster.NAMESPACE, e2e.release().fullname()),
              start);
      Map<String, Long> byTarget = writes.stream().collect(Collectors.groupingBy(
          w -> w.verb() + " " + w.target(), TreeMap::new, Collectors.counting()));
      long perTrialWrites = writes.stream().filter(w -> !w.target().startsWith("evaluationruns")
          && !w.target().equals("events")).count();
      List<Long> latencies = podCreateLatencies(writes);

      String report = String.format("""
          real API server, stand-in node: %d trials, parallelism %d
          wall time                      %.1f s (%.1f trials/s)
          operator writes (audit log)    %d in all, %.2f per trial (trial and pod writes only: %.2f)
          by verb and resource           %s
          trial created -> pod created   median %d ms, p95 %d ms, max %d ms
          operator heap peak             %.0f MiB (-Xmx256m)
          run status size                %d bytes
          """, trials, PARALLELISM, wall.toMillis() / 1000.0,
          trials / (wall.toMillis() / 1000.0), writes.size(), writes.size() / (double) trials,
          perTrialWrites / (double) trials, byTarget, pct(latencies, 50), pct(latencies, 95),
          pct(latencies, 100), heapPeak / 1024 / 1024, statusBytes);
      System.out.println(report);
      Files.writeString(Path.of("target/real-cluster-benchmark-" + trials + ".txt"), report);

      assertThat(trials).isEqualTo(TRIALS >= 80 ? repeats * 80 : TRIALS);
      assertThat(perTrialWrites / (double) trials).isLessThanOrEqualTo(4.0);
    }
  }

  /** For each trial: its create → its first pod's create, from the server's timestamps. */
  private static List<Long> podCreateLatencies(List<AuditLog.Write> writes) {
    Map<String, Instant> trialCreated = new HashMap<>();
    List<Long> out = new ArrayList<>();
    for (AuditLog.Write w : writes) {
      if (w.verb().equals("create") && w.target().equals("evaluationtrials") && w.code() == 201) {
        trialCreated.put(w.name(), w.at());
      }
    }
    for (AuditLog.Write w : writes) {
      if (w.verb().equals("create") && w.target().equals("pods") && w.name() != null
          && w.name().endsWith("-a0")) {
        Instant t = trialCreated.get(w.name().substring(0, w.name().length() - 3));
        if (t != null) {
          out.add(Duration.between(t, w.at()).toMillis());
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
