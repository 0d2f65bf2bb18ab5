package dev.decaybench.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A mutating admission webhook as a service mesh runs one: it injects an init container that
 * needs NET_ADMIN and root (to redirect the pod's traffic) into the pods it selects. In a
 * namespace held to the restricted PodSecurity profile the API server then refuses the pod,
 * the classic way a compliant pod gets rejected. Served over HTTPS from this JVM with a
 * self-signed certificate (keytool), which the webhook configuration trusts.
 */
public final class SidecarInjector implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INIT = """
      {"name": "mesh-init", "image": "mesh/proxy-init:1", "securityContext": {"runAsUser": 0,
        "runAsNonRoot": false, "capabilities": {"add": ["NET_ADMIN", "NET_RAW"]}}}""";

  private final HttpsServer server;
  private final String caBundle;

  private SidecarInjector(HttpsServer server, String caBundle) {
    this.server = server;
    this.caBundle = caBundle;
  }

  public static SidecarInjector start() {
    try {
      Path dir = Files.createTempDirectory("injector");
      Path store = dir.resolve("tls.p12");
      keytool("-genkeypair", "-alias", "tls", "-keyalg", "RSA", "-keysize", "2048",
          "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
          "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
      String pem = keytool("-exportcert", "-rfc", "-alias", "tls", "-keystore",
          store.toString(), "-storepass", "changeit");
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        ks.load(in, "changeit".toCharArray());
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(
          KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, "changeit".toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(kmf.getKeyManagers(), null, null);
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      server.createContext("/mutate", exchange -> {
        JsonNode review = JSON.readTree(exchange.getRequestBody());
        boolean hasInit = review.path("request").path("object").path("spec")
            .has("initContainers");
        String patch = hasInit
            ? "[{\"op\": \"add\", \"path\": \"/spec/initContainers/-\", \"value\": " + INIT + "}]"
            : "[{\"op\": \"add\", \"path\": \"/spec/initContainers\", \"value\": [" + INIT + "]}]";
        String body = JSON.writeValueAsString(JSON.createObjectNode()
            .put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview")
            .set("response", JSON.createObjectNode()
                .put("uid", review.path("request").path("uid").asText())
                .put("allowed", true).put("patchType", "JSONPatch")
                .put("patch", Base64.getEncoder().encodeToString(
                    patch.getBytes(StandardCharsets.UTF_8)))));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      server.start();
      return new SidecarInjector(server, Base64.getEncoder().encodeToString(
          pem.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A MutatingWebhookConfiguration that sends the pods labelled decaybench.dev/run=run here. */
  public String configuration(String name, String run) {
    return WebhookConfigurations.of("MutatingWebhookConfiguration", name,
        "{url: \"https://127.0.0.1:" + server.getAddress().getPort() + "/mutate\", caBundle: "
            + caBundle + "}", run, "\"\"", "pods");
  }

  private static String keytool(String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
