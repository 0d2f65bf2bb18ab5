package dev.decaybench.runner.task;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The quick checks behind {@code DECAYBENCH_PYTHON_PACKAGES=auto}. Each is bounded (a machine
 * without a network must not wait for DNS or TCP time-outs): the index gets {@link #TIMEOUT} for
 * any HTTP answer to a HEAD request, pip five seconds to say its version.
 */
public final class PackageIndexProbe implements PythonPackages.Probe {

  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Duration timeout;

  public PackageIndexProbe() {
    this(TIMEOUT);
  }

  public PackageIndexProbe(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public boolean indexReachable(URI index) {
    String scheme = index.getScheme() == null ? "" : index.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest head = HttpRequest.newBuilder(index).timeout(timeout)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(head, HttpResponse.BodyHandlers.discarding());
    try {
      // the overall bound also covers name resolution, which the client's time-outs do not
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode() < 500;
    } catch (TimeoutException | ExecutionException e) {
      answer.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean installerAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-m", "pip", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
