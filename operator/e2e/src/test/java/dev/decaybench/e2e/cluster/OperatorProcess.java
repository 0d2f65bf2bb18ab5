package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.Main;
import dev.decaybench.operator.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator in a JVM of its own, as the chart's Deployment runs it (its settings, its
 * ServiceAccount's token as KUBECONFIG), so heap figures are the operator's alone.
 */
public final class OperatorProcess implements AutoCloseable {

  private static final Pattern HEAP =
      Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)$");

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private OperatorProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static OperatorProcess start(ControlPlane cluster, ChartRelease release, String heap,
      Map<String, String> overrides) {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      Path log = Path.of("target/operator-process-" + port + ".log");
      ProcessBuilder pb = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
          "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "-cp", System.getProperty("java.class.path"), Main.class.getName())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().putAll(InstalledOperator.settings(cluster, release));
      pb.environment().put("DECAYBENCH_METRICS_PORT", Integer.toString(port));
      pb.environment().put("KUBECONFIG",
          InstalledOperator.kubeconfig(cluster, release).toString());
      pb.environment().putAll(overrides);
      OperatorProcess op = new OperatorProcess(pb.start(), port);
      Await.until(Duration.ofSeconds(60), "operator process ready (log " + log + ")",
          () -> op.get("/readyz") != null);
      return op;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Heap in use now (the sum of the heap pools), from the operator's own /metrics. */
  public double heapUsedBytes() {
    String metrics = get("/metrics");
    double sum = 0;
    if (metrics != null) {
      Matcher m = HEAP.matcher(metrics);
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
    }
    return sum;
  }

  private String get(String path) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
