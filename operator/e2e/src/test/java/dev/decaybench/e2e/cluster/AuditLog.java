package dev.decaybench.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The API server's own record of writes (cluster.sh logs every non-read request at Metadata
 * level): what a user of the chart pays in API load, counted by the server, not by the client.
 */
public final class AuditLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One write as the server saw it. */
  public record Write(Instant at, String user, String verb, String resource, String subresource,
      String namespace, String name, int code) {

    /** {@code resource} or {@code resource/subresource}. */
    public String target() {
      return subresource == null ? resource : resource + "/" + subresource;
    }
  }

  private final Path file;

  public AuditLog(Path file) {
    this.file = file;
  }

  /** Writes completed at or after {@code since} (a rotated-away part is not read). */
  public List<Write> writesSince(Instant since) {
    List<Write> out = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file)) {
      lines.forEach(line -> {
        try {
          JsonNode e = JSON.readTree(line);
          Instant at = Instant.parse(e.path("stageTimestamp").asText());
          if (at.isBefore(since) || !"ResponseComplete".equals(e.path("stage").asText())) {
            return;
          }
          JsonNode o = e.path("objectRef");
          out.add(new Write(at, e.path("user").path("username").asText(), e.path("verb").asText(),
              text(o, "resource"), text(o, "subresource"), text(o, "namespace"), text(o, "name"),
              e.path("responseStatus").path("code").asInt()));
        } catch (IOException | RuntimeException ignored) {
          // a line being written right now
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Writes since {@code since} by {@code user}. */
  public List<Write> writesBy(String user, Instant since) {
    return writesSince(since).stream().filter(w -> w.user().equals(user)).toList();
  }

  public static String serviceAccountUser(String namespace, String name) {
    return "system:serviceaccount:" + namespace + ":" + name;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
