package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What would hold the JVM's exit (an HTTP client's selector thread in a native wait) ends first. */
class QuickExitTest {

  @Test
  void anHttpClientsSelectorThreadIsEndedBeforeExit() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      int status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      assertThat(status).isEqualTo(204);
      assertThat(selectors()).as("the client's selector thread runs").isPositive();

      assertThat(QuickExit.releaseNativeWaiters()).isZero();
      assertThat(selectors()).isZero();
      assertThat(client).isNotNull(); // still referenced: the thread ended by the interrupt, not by GC
    } finally {
      server.stop(0);
    }
  }

  private static long selectors() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().endsWith("-SelectorManager") && t.isAlive()).count();
  }
}
