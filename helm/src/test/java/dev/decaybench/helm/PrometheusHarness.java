package dev.decaybench.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} (/usr/bin/prometheus, or $PROMETHEUS) on 127.0.0.1 scraping one
 * metrics endpoint every second, with PromQL through its HTTP API. Reusable: give it a
 * {@code host:port} and a path, {@link #start()}, {@link #awaitScrapes(int, Duration)}, then
 * {@link #query(String)}. Everything stays on the loopback interface; the process is stopped by
 * {@link #close()}.
 */
public final class PrometheusHarness implements AutoCloseable {

  public static final String JOB = "decaybench-operator";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path workDir;
  /** The scrape job's settings below job_name (YAML, indented for the job's list item). */
  private final String job;
  /** What is scraped, for failure messages. */
  private final String target;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private int port;

  /** {@code target}: host:port of the endpoint (127.0.0.1:PORT, a pod's address); {@code metricsPath}: /metrics. */
  public PrometheusHarness(Path workDir, String target, String metricsPath) {
    this.workDir = workDir;
    this.job = """
            metrics_path: %s
            static_configs:
              - targets: ['%s']
        """.formatted(metricsPath, target);
    this.target = target + metricsPath;
  }

  /** The binary: $PROMETHEUS, else /usr/bin/prometheus. */
  public static Path binary() {
    String env = System.getenv("PROMETHEUS");
    return Path.of(env != null && !env.isBlank() ? env : "/usr/bin/prometheus");
  }

  public static boolean available() {
    return Files.isExecutable(binary());
  }

  public PrometheusHarness start() {
    try {
      Files.createDirectories(workDir);
      port = freePort();
      Path config = workDir.resolve("prometheus.yml");
      Files.writeString(config, """
          global:
            scrape_interval: 1s
            scrape_timeout: 1s
            evaluation_interval: 1s
          scrape_configs:
            - job_name: %s
              # the operator's metrics carry a namespace label (the run's): keep it, as the
              # chart's ServiceMonitor does with honorLabels
              honor_labels: true
          """.formatted(JOB) + job);
      process = new ProcessBuilder(binary().toString(),
          "--config.file=" + config,
          "--storage.tsdb.path=" + workDir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port,
          "--web.enable-lifecycle",
          "--log.level=warn")
          .redirectErrorStream(true)
          .redirectOutput(workDir.resolve("prometheus.log").toFile())
          .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("prometheus exited with " + process.exitValue() + ": "
              + log());
        }
        try {
          if (get("/-/ready").statusCode() == 200) {
            return this;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException("prometheus not ready after 30 s: " + log());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the target has been scraped successfully {@code n} times. */
  public void awaitScrapes(int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonNode> r = query("count_over_time(up{job=\"" + JOB + "\"}[5m])");
      List<JsonNode> up = query("up{job=\"" + JOB + "\"} == 1");
      if (!r.isEmpty() && r.get(0).path("value").path(1).asDouble() >= n && !up.isEmpty()) {
        return;
      }
      sleep(200);
    }
    throw new AssertionError("prometheus did not scrape " + target + " " + n
        + " times within " + timeout.toSeconds() + " s; targets: " + targets() + "; log: " + log());
  }

  /** An instant query at the current time; the result vector (or a scalar as one element). */
  public List<JsonNode> query(String promql) {
    try {
      HttpResponse<String> r = get("/api/v1/query?query="
          + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      JsonNode body = JSON.readTree(r.body());
      if (!"success".equals(body.path("status").asText())) {
        throw new AssertionError("query failed: " + promql + ": " + body.path("errorType").asText()
            + ": " + body.path("error").asText());
      }
      JsonNode data = body.path("data");
      List<JsonNode> out = new ArrayList<>();
      if ("scalar".equals(data.path("resultType").asText())) {
        out.add(data);
      } else {
        data.path("result").forEach(out::add);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The active targets as Prometheus reports them (for failure messages). */
  public String targets() {
    try {
      return get("/api/v1/targets").body();
    } catch (IOException | InterruptedException e) {
      return "(unavailable: " + e + ")";
    }
  }

  public String log() {
    try {
      Path log = workDir.resolve("prometheus.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
