package dev.decaybench.runner.classify.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.WriteCheck;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds evidence from a decaybench trial directory or from a {@link TrialResult} in memory. */
public final class TrialDirectoryReader {

  private static final long MAX_RESULT_BYTES = 64L * 1024 * 1024;

  private TrialDirectoryReader() {}

  static TrialEvidence read(Path dir) {
    List<String> problems = new ArrayList<>();
    String source = String.valueOf(dir);
    if (dir == null || !Files.isDirectory(dir)) {
      problems.add("not a trial directory: " + source);
      return build(null, "", "", TrajectoryText.Loaded.NONE, source, null, problems);
    }
    JsonNode result = null;
    Path rj = dir.resolve("result.json");
    try {
      if (!Files.isRegularFile(rj)) {
        problems.add("no result.json");
      } else if (Files.size(rj) > MAX_RESULT_BYTES) {
        problems.add("result.json larger than 64 MiB, ignored");
      } else {
        result = Json.mapper().readTree(rj.toFile());
        if (result == null || !result.isObject()) {
          problems.add("result.json is not a JSON object");
          result = null;
        }
      }
    } catch (Exception e) {
      problems.add("result.json unreadable: " + oneLine(e.getMessage()));
    }
    Path ws = dir.resolve("workspace");
    return build(result, LogTail.read(dir.resolve("server.log")), LogTail.read(dir.resolve("setup.log")),
        TrajectoryText.find(dir), source, Files.isDirectory(ws) ? ws : null, problems);
  }

  static TrialEvidence fromResult(TrialResult r, String serverLog, String setupLog) {
    List<String> problems = new ArrayList<>();
    JsonNode node = null;
    try {
      node = r == null ? null : Json.mapper().valueToTree(r);
    } catch (RuntimeException e) {
      problems.add("result not convertible: " + oneLine(e.getMessage()));
    }
    if (r == null) {
      problems.add("no result");
    }
    String source = r == null || r.task() == null ? "result" : r.task();
    return build(node, serverLog == null ? "" : serverLog, setupLog == null ? "" : setupLog,
        TrajectoryText.Loaded.NONE, source, null, problems);
  }

  private static TrialEvidence build(JsonNode r, String serverLog, String setupLog,
      TrajectoryText.Loaded trajectory, String source, Path workspace, List<String> problems) {
    JsonNode res = r == null ? Json.mapper().createObjectNode() : r;
    String log = serverLog;
    if (log.isBlank()) {
      log = res.path("serverLogTail").asText("");
    }
    List<RequestOutcome> requests = new ArrayList<>();
    for (JsonNode q : res.path("requests")) {
      List<String> failedNames = new ArrayList<>();
      int total = 0;
      for (JsonNode a : q.path("assertions")) {
        total++;
        if (!a.path("passed").asBoolean(false)) {
          String msg = a.path("message").asText("");
          // decaybench's wording (paths like articles[0]) is what the check-name rules read
          String name = a.path("decaybenchName").asText(a.path("name").asText("?"));
          failedNames.add(name + (msg.isEmpty() ? "" : " :: " + msg));
        }
      }
      JsonNode st = q.path("status");
      requests.add(new RequestOutcome(q.path("name").asText(""), q.path("method").asText(""),
          text(q.path("path")), st.isNumber() ? st.asInt() : null, text(q.path("error")),
          failedNames.size(), total, failedNames));
    }
    List<VerifierFinding> verifiers = new ArrayList<>();
    for (JsonNode v : res.path("verifiers")) {
      verifiers.add(new VerifierFinding(v.path("name").asText("?"), v.path("passed").asBoolean(true),
          v.path("reason").asText(""), text(v.path("source"))));
    }
    List<String> notes = new ArrayList<>();
    StringBuilder failedOutput = new StringBuilder();
    JsonNode startup = res.path("startup");
    for (JsonNode c : startup.path("setup")) {
      if (c.path("exitCode").isNumber() && c.path("exitCode").asInt() != 0) {
        notes.add(setupFailedNote(c.path("exitCode").asInt(), c.path("command").asText("?")));
        failedOutput.append(c.path("outputTail").asText("")).append('\n');
      }
    }
    // without setup.log (a result in memory) the failed commands' output tails stand in for it
    String setup = setupLog.isBlank() ? failedOutput.toString().strip() : setupLog;
    if (startup.path("appExitCode").isNumber()) {
      notes.add("app process exited with code " + startup.path("appExitCode").asInt());
    }
    if (startup.path("healthCheck").isTextual()) {
      notes.add("health check: " + startup.path("healthCheck").asText());
    }
    Boolean healthy = res.path("healthy").isBoolean() ? res.path("healthy").asBoolean() : null;
    Boolean suiteRan = res.path("requests").isArray() ? !requests.isEmpty() : null;
    List<WriteCheck> writes = new ArrayList<>();
    for (JsonNode w : res.path("writeChecks")) {
      writes.add(new WriteCheck(w.path("request").asText(""), w.path("thing").asText(""),
          w.path("stored").asBoolean(false), text(w.path("where"))));
    }
    return new TrialEvidence(source, text(res.path("task")), requests, res.path("requests").isArray(),
        suiteRan, log, setup, trajectory.text(), trajectory.status(), verifiers, healthy, notes,
        text(res.path("harnessError")), workspace, problems, writes);
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  /** The start-up note for a failed set-up command, as the readers write it (SetupRules reads it). */
  static String setupFailedNote(int exitCode, String command) {
    return "setup command failed (exit " + exitCode + "): " + command;
  }

  public static String oneLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String first = s.strip().lines().findFirst().orElse("");
    return first.length() > 160 ? first.substring(0, 160) + "..." : first;
  }
}
