package dev.decaybench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpCallerTest {

  @Test
  void nothingListeningBehindTheRelayIsAConnectionRefusedNotWhatTheRelayDid() throws Exception {
    try (ServerSocket relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> acceptAndDrop(relay));
      t.setDaemon(true);
      t.start();
      HttpCaller dropped = new HttpCaller(Duration.ofSeconds(2), () -> false);
      HttpCaller brokenApp = new HttpCaller(Duration.ofSeconds(2), () -> true);
      String url = "http://127.0.0.1:" + relay.getLocalPort() + "/api/tags";

      assertThat(dropped.send("GET", url, null, null).error()).isEqualTo("connection refused");
      assertThat(brokenApp.send("GET", url, null, null).error()).startsWith("connection error");
    }
  }

  @Test
  void aRedirectToHttpsIsAConnectionErrorNotACrash() throws Exception {
    HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    app.createContext("/api/user", exchange -> {
      exchange.getResponseHeaders().add("Location", "https://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/api/user");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    app.start();
    try {
      HttpCaller caller = new HttpCaller(Duration.ofSeconds(2), () -> true);

      HttpCaller.Exchange e = caller.send("GET", "http://127.0.0.1:" + app.getAddress().getPort()
          + "/api/user", null, null);

      assertThat(e.status()).isNull();
      assertThat(e.error()).isEqualTo("connection error: https is not served in a trial (plain http only)");
    } finally {
      app.stop(0);
    }
  }

  private static void acceptAndDrop(ServerSocket relay) {
    while (!relay.isClosed()) {
      try (Socket s = relay.accept()) {
        s.getInputStream().read(); // the request arrives; nothing is there to pass it on to
      } catch (Exception e) {
        return;
      }
    }
  }
}
