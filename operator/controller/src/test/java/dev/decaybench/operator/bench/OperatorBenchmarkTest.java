package dev.decaybench.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.operator.Main;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.reconciler.RunAdmission;
import dev.decaybench.operator.status.RunSummaryCalculator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 trials on the mock API server with the fast fake kubelet; the operator runs in a JVM of
 * its own with -Xmx256m, so the heap goal is tested, not estimated. Prints API writes per trial
 * (the operator's own request counter), reconcile times (JOSDK's timers), heap (JVM gauges) and
 * the run status size; writes the table to target/operator-benchmark.md. Tagged slow.
 */
@Tag("slow")
class OperatorBenchmarkTest extends OperatorTestBase {

  private static final int TRIALS = 10_000; // 80 built-in tasks x 125 repeats
  private static final int PARALLELISM = 200;

  @Test
  void tenThousandTrials() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Path.of("target/operator-benchmark-operator.log");
    ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
        "-Dkubernetes.master=" + client.getConfiguration().getMasterUrl(),
        "-Dkubernetes.auth.tryKubeConfig=false", "-Dkubernetes.auth.tryServiceAccount=false",
        "-Dkubernetes.namespace=" + Runs.NS, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(Map.of("DECAYBENCH_USE_SSA", "false",
        "DECAYBENCH_METRICS_PORT", Integer.toString(port),
        "DECAYBENCH_GLOBAL_PARALLELISM", Integer.toString(PARALLELISM),
        "DECAYBENCH_RECONCILE_THREADS", "10"));
    Process operatorProcess = pb.start();
    try {
      Await.until(Duration.ofSeconds(60), "operator ready", () -> scrape(port, "/readyz") != null);
      startKubelet(pod -> new FakeKubelet.Succeed(result(75, false, "logic_error"),
          Duration.ofMillis(50)), Duration.ofMillis(5));
      EvaluationRun spec = Runs.reference("bench", null, null, TRIALS / 80, PARALLELISM);
      long t0 = System.nanoTime();
      long requestsBefore = server.getRequestCount();
      create(spec);

      double heapPeak = 0;
      List<String> samples = new ArrayList<>();
      while (true) {
        String m = scrape(port, "/metrics");
        double heap = sum(m, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*}");
        heapPeak = Math.max(heapPeak, heap);
        EvaluationRun run = Runs.get(client, "bench");
        String progress = run.getStatus() == null ? "-" : run.getStatus().getProgress();
        samples.add(String.format("%5.0f s  %-12s heap %6.1f MiB",
            (System.nanoTime() - t0) / 1e9, progress, heap / 1048576));
        if ("Succeeded".equals(Runs.phase(run))) {
          break;
        }
        assertThat(operatorProcess.isAlive()).as("operator process alive (see " + log + ")")
            .isTrue();
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofMinutes(40).toNanos());
        Thread.sleep(2000);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      String m = scrape(port, "/metrics");
      EvaluationRun run = Runs.get(client, "bench");
      Map<String, Double> writes = writes(m);
      double totalWrites = writes.values().stream().mapToDouble(Double::doubleValue).sum();
      double trialWrites = writes.entrySet().stream()
          .filter(e -> e.getKey().contains("evaluationtrials") || e.getKey().contains("pods"))
          .mapToDouble(Map.Entry::getValue).sum();
      int statusBytes = Serialization.asJson(run.getStatus()).getBytes(StandardCharsets.UTF_8).length;
      double liveData = sum(m, "jvm_gc_live_data_size_bytes");

      StringBuilder out = new StringBuilder();
      out.append(String.format("| trials | %d (parallelism %d) |%n", TRIALS, PARALLELISM));
      out.append(String.format("| wall time | %.0f s (%.0f trials/s) |%n", seconds, TRIALS / seconds));
      out.append(String.format("| operator API writes | %.0f = %.2f per trial |%n", totalWrites,
          totalWrites / TRIALS));
      out.append(String.format("| trial + pod writes | %.2f per trial |%n", trialWrites / TRIALS));
      writes.forEach((k, v) -> out.append(String.format("| &nbsp; %s | %.0f |%n", k, v)));
      out.append(String.format("| requests on the mock server (all clients) | %d |%n",
          server.getRequestCount() - requestsBefore));
      for (String controller : List.of("evaluationrun", "evaluationtrial")) {
        double count = sum(m, "operator_sdk_controllers_execution_reconcile_seconds_count\\{controller=\""
            + controller + "\"[^}]*}");
        double sum = sum(m, "operator_sdk_controllers_execution_reconcile_seconds_sum\\{controller=\""
            + controller + "\"[^}]*}");
        double max = sum(m, "operator_sdk_controllers_execution_reconcile_seconds_max\\{controller=\""
            + controller + "\"[^}]*}");
        out.append(String.format("| reconcile %s | %.0f runs, mean %.1f ms, max %.0f ms (last minute) |%n",
            controller, count, 1000 * sum / count, 1000 * max));
      }
      out.append(String.format("| operator heap (-Xmx256m, SerialGC) | peak used %.0f MiB; live after GC %.0f MiB |%n",
          heapPeak / 1048576, liveData / 1048576));
      out.append(String.format("| run status size | %d bytes |%n", statusBytes));
      List<EvaluationTrial> all = Runs.trials(client, "bench");
      long admit = Long.MAX_VALUE;
      long summary = Long.MAX_VALUE;
      for (int i = 0; i < 5; i++) { // warm: best of five, in this JVM
        long c0 = System.nanoTime();
        new RunAdmission().admit(run, all);
        long c1 = System.nanoTime();
        new RunSummaryCalculator().summarize(all, TRIALS / 80);
        long c2 = System.nanoTime();
        admit = Math.min(admit, c1 - c0);
        summary = Math.min(summary, c2 - c1);
      }
      out.append(String.format("| CPU of one run reconciliation at 10,000 trials (warm) | admit"
          + " (validate, plan, match) %.1f ms; summary (RunMetrics) %.1f ms |%n", admit / 1e6,
          summary / 1e6));
      String table = out.toString();
      System.out.println(table);
      samples.forEach(System.out::println);
      Files.writeString(Path.of("target/operator-benchmark.md"), table + "\n"
          + String.join("\n", samples) + "\n");

      assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(TRIALS);
      assertThat(statusBytes).isLessThan(100 * 1024);
    } finally {
      operatorProcess.destroy();
      operatorProcess.waitFor();
    }
  }

  /** "VERB resource" -> count of the operator's writes. */
  private static Map<String, Double> writes(String metrics) {
    Map<String, Double> out = new TreeMap<>();
    Matcher mm = Pattern.compile("decaybench_api_requests_total\\{resource=\"([^\"]+)\",verb=\"(\\w+)\"} ([0-9.E]+)")
        .matcher(metrics);
    while (mm.find()) {
      if (!mm.group(2).equals("GET")) {
        out.put(mm.group(2) + " " + mm.group(1), Double.parseDouble(mm.group(3)));
      }
    }
    return out;
  }

  private static double sum(String metrics, String seriesRegex) {
    Matcher mm = Pattern.compile("(?m)^" + seriesRegex + " ([0-9.E+-]+)$").matcher(metrics);
    double total = 0;
    while (mm.find()) {
      total += Double.parseDouble(mm.group(1));
    }
    return total;
  }

  private static String scrape(int port, String path) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
