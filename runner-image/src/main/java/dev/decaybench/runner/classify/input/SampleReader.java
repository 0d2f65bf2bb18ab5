package dev.decaybench.runner.classify.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads failure samples in the paper's shape: {@code newman_summary}, {@code server_log},
 * {@code trajectory}; optionally {@code task}, {@code id}, {@code verifier_summary} (the paper's
 * verifier lines) or {@code verifiers} ([{name, passed, reason}]), {@code agent_status},
 * {@code healthy}. Anything else is ignored.
 */
public final class SampleReader {

  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private SampleReader() {}

  static List<TrialEvidence> read(Path file) {
    String source = String.valueOf(file);
    JsonNode root;
    try {
      if (file == null || !Files.isRegularFile(file)) {
        return List.of(broken(source, "no such sample file"));
      }
      if (Files.size(file) > MAX_BYTES) {
        return List.of(broken(source, "sample file larger than 64 MiB"));
      }
      root = Json.mapper().readTree(file.toFile());
    } catch (Exception e) {
      return List.of(broken(source, "sample file unreadable: " + TrialDirectoryReader.oneLine(e.getMessage())));
    }
    return fromNode(root, source);
  }

  static List<TrialEvidence> fromNode(JsonNode root, String source) {
    List<TrialEvidence> out = new ArrayList<>();
    if (root != null && root.isArray()) {
      int i = 0;
      for (JsonNode n : root) {
        out.add(one(n, source + "#" + i++));
      }
    } else {
      out.add(one(root, source));
    }
    return out;
  }

  public static TrialEvidence one(JsonNode n, String source) {
    if (n == null || !n.isObject()) {
      return broken(source, "sample is not a JSON object");
    }
    String src = n.path("id").isValueNode() ? source + " (" + n.path("id").asText() + ")" : source;
    List<String> problems = new ArrayList<>();
    String summaryText = text(n.path("newman_summary"));
    NewmanSummary.Parsed parsed = NewmanSummary.parse(summaryText);
    if (summaryText == null) {
      problems.add("no newman_summary");
    } else if (parsed.requests().isEmpty() && parsed.suiteRan() == null) {
      problems.add("newman_summary not understood");
    }
    TrajectoryText.Loaded traj = trajectory(n.path("trajectory"));
    List<VerifierFinding> verifiers = new ArrayList<>(NewmanSummary.verifiers(text(n.path("verifier_summary"))));
    for (JsonNode v : n.path("verifiers")) {
      verifiers.add(new VerifierFinding(v.path("name").asText("?"), v.path("passed").asBoolean(true),
          v.path("reason").asText("")));
    }
    String status = firstNonNull(text(n.path("agent_status")), text(n.path("exit_status")), traj.status());
    Boolean healthy = n.path("healthy").isBoolean() ? n.path("healthy").asBoolean() : null;
    int setupExit = n.path("setup_exit_code").asInt(0);
    List<String> notes = setupExit == 0 ? List.of()
        : List.of(TrialDirectoryReader.setupFailedNote(setupExit, firstNonNull(text(n.path("setup_command")), "set-up")));
    return new TrialEvidence(src, text(n.path("task")), parsed.requests(), false, parsed.suiteRan(),
        text(n.path("server_log")), text(n.path("setup_log")), traj.text(), status, verifiers, healthy,
        notes, text(n.path("harness_error")), null, problems);
  }

  private static TrajectoryText.Loaded trajectory(JsonNode t) {
    if (t.isTextual()) {
      return TrajectoryText.parse(t.asText());
    }
    TrajectoryText.Loaded l = t.isContainerNode() ? TrajectoryText.fromJson(t) : null;
    return l == null ? TrajectoryText.Loaded.NONE : l;
  }

  /** A string field, or the lines of a string array joined; null when absent. */
  static String text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode x : n) {
        sb.append(x.isTextual() ? x.asText() : x.toString()).append('\n');
      }
      return sb.toString();
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  public static TrialEvidence broken(String source, String problem) {
    return new TrialEvidence(source, null, List.of(), false, null, "", "", "", null, List.of(), null,
        List.of(), null, null, List.of(problem));
  }
}
