package dev.decaybench.runner.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonPackagesTest {

  @TempDir
  Path tmp;

  /** A probe that answers as told and counts its calls. */
  static final class FakeProbe implements PythonPackages.Probe {
    final boolean reachable;
    final boolean pip;
    int calls;

    FakeProbe(boolean reachable, boolean pip) {
      this.reachable = reachable;
      this.pip = pip;
    }

    @Override
    public boolean indexReachable(URI index) {
      calls++;
      return reachable;
    }

    @Override
    public boolean installerAvailable() {
      calls++;
      return pip;
    }
  }

  @Test
  void theEnvironmentVariableDecidesWithoutProbing() {
    FakeProbe probe = new FakeProbe(true, true);
    assertThat(PythonPackages.resolve(Map.of(PythonPackages.ENV, "system"), probe).source()).isEqualTo("system");
    assertThat(PythonPackages.resolve(Map.of(PythonPackages.ENV, "INDEX"), probe).source()).isEqualTo("index");
    assertThat(probe.calls).isZero();
    assertThatThrownBy(() -> PythonPackages.resolve(Map.of(PythonPackages.ENV, "pypi"), probe))
        .hasMessageContaining("auto, index or system");
  }

  @Test
  void autoUsesTheIndexOnlyWhenItAnswersAndPipWorks() {
    assertThat(PythonPackages.resolve(Map.of(), new FakeProbe(true, true)).fromIndex()).isTrue();
    PythonPackages offline = PythonPackages.resolve(Map.of(), new FakeProbe(false, true));
    assertThat(offline.source()).isEqualTo("system");
    assertThat(offline.reason()).contains("https://pypi.org/simple/", "did not answer within 2 s");
    PythonPackages noPip = PythonPackages.resolve(Map.of("PIP_INDEX_URL", "http://mirror.test/simple"),
        new FakeProbe(true, false));
    assertThat(noPip.source()).isEqualTo("system");
    assertThat(noPip.reason()).contains("pip is not available");
    assertThat(PythonPackages.indexUri(Map.of("PIP_INDEX_URL", "http://mirror.test/simple")))
        .isEqualTo(URI.create("http://mirror.test/simple"));
  }

  @Test
  void theProbeSeesAnAnsweringIndexAndGivesUpQuicklyOnOneThatIsSilentOrClosed() throws Exception {
    PackageIndexProbe probe = new PackageIndexProbe();
    HttpServer index = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    index.createContext("/", ex -> {
      ex.sendResponseHeaders(404, -1);  // any HTTP answer proves the index is there
      ex.close();
    });
    index.start();
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(probe.indexReachable(URI.create("http://127.0.0.1:" + index.getAddress().getPort() + "/simple/")))
          .isTrue();
      long start = System.nanoTime();
      // accepts the connection, never answers
      assertThat(probe.indexReachable(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/simple/"))).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
      int closed;
      try (ServerSocket s = new ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      assertThat(probe.indexReachable(URI.create("http://127.0.0.1:" + closed + "/simple/"))).isFalse();
      assertThat(probe.indexReachable(URI.create("file:///srv/wheels/"))).isFalse();
    } finally {
      index.stop(0);
    }
  }

  @Test
  void indexSetUpInstallsRequirementsIntoTheWorkspaceAndTheRunCommandImportsThem() throws Exception {
    assumeTrue(new PackageIndexProbe().installerAvailable(), "python3 -m pip is not installed");
    HttpServer index = fakeIndex();
    try {
      TaskDefinition task = TaskCatalog.byName("flask-openapi-unconstrained",
          PythonPackages.index("test")).orElseThrow();
      Path ws = Files.createDirectories(tmp.resolve("ws"));
      Files.writeString(ws.resolve("requirements.txt"), "decaybench-probe==1.0\n");
      // written as a model would: no execute bit, so set-up's chmod is what makes ./run.sh work
      Files.writeString(ws.resolve("run.sh"),
          "#!/usr/bin/env bash\nexec python3 -c 'import decaybench_probe; print(decaybench_probe.VALUE)'\n");
      Map<String, String> env = Map.of("PIP_INDEX_URL",
          "http://127.0.0.1:" + index.getAddress().getPort() + "/simple/");
      for (String cmd : task.setupCmds()) {
        assertThat(bash(cmd, ws, env)).as(cmd).startsWith("0:");
      }
      assertThat(ws.resolve(PythonPackages.TARGET).resolve("decaybench_probe/__init__.py")).exists();
      assertThat(bash(task.runCommand(), ws, Map.of())).isEqualTo("0:installed from the index\n");
    } finally {
      index.stop(0);
    }
  }

  @Test
  void systemSetUpInstallsNothingAndStartsRunShAsItIs() throws Exception {
    TaskDefinition task = TaskCatalog.byName("flask-openapi-unconstrained",
        PythonPackages.system("test")).orElseThrow();
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    Files.writeString(ws.resolve("requirements.txt"), "no-such-package-anywhere==9.9\n");
    Files.writeString(ws.resolve("run.sh"), "#!/usr/bin/env bash\necho started\n");
    for (String cmd : task.setupCmds()) {
      assertThat(bash(cmd, ws, Map.of())).as(cmd).startsWith("0:");
    }
    assertThat(ws.resolve(PythonPackages.TARGET)).doesNotExist();
    assertThat(bash(task.runCommand(), ws, Map.of())).isEqualTo("0:started\n");
  }

  private static String bash(String cmd, Path dir, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", "-c", cmd)).directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + ":" + out;
  }

  /** A PEP 503 index on 127.0.0.1 holding one pure-Python wheel, decaybench-probe 1.0. */
  private static HttpServer fakeIndex() throws IOException {
    String file = "decaybench_probe-1.0-py3-none-any.whl";
    byte[] wheel = wheel();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      byte[] body;
      if (path.equals("/simple/decaybench-probe/")) {
        body = ("<!DOCTYPE html><html><body><a href=\"/files/" + file + "\">" + file + "</a></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html");
      } else if (path.equals("/files/" + file)) {
        body = wheel;
      } else {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    return server;
  }

  private static byte[] wheel() throws IOException {
    String info = "decaybench_probe-1.0.dist-info/";
    Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("decaybench_probe/__init__.py", "VALUE = 'installed from the index'\n");
    files.put(info + "METADATA", "Metadata-Version: 2.1\nName: decaybench-probe\nVersion: 1.0\n");
    files.put(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: decaybench-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
    StringBuilder record = new StringBuilder();
    files.keySet().forEach(f -> record.append(f).append(",,\n"));
    files.put(info + "RECORD", record.append(info).append("RECORD,,\n").toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
