package dev.decaybench.runner.classify.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run of the paper's own pipeline: Newman's JSON reporter output (run.executions[]: the
 * item name, the request, the response code, the assertions with their errors; an execution
 * without a response got no answer), plus the server log and optionally the trajectory.
 */
final class NewmanReportReader {

  private static final long MAX_BYTES = 256L * 1024 * 1024;

  private NewmanReportReader() {}

  static TrialEvidence read(Path report, Path serverLog, Path trajectory) {
    List<String> problems = new ArrayList<>();
    JsonNode root = null;
    try {
      if (report == null || !Files.isRegularFile(report)) {
        problems.add("no Newman report at " + report);
      } else if (Files.size(report) > MAX_BYTES) {
        problems.add("Newman report larger than 256 MiB, ignored");
      } else {
        root = Json.mapper().readTree(report.toFile());
      }
    } catch (Exception e) {
      problems.add("Newman report unreadable: " + TrialDirectoryReader.oneLine(e.getMessage()));
    }
    List<RequestOutcome> requests = new ArrayList<>();
    JsonNode executions = root == null ? null : root.path("run").path("executions");
    if (root != null && (executions == null || !executions.isArray())) {
      problems.add("Newman report has no run.executions");
    }
    if (executions != null) {
      for (JsonNode ex : executions) {
        requests.add(execution(ex));
      }
    }
    Boolean ran = executions != null && executions.isArray() ? !requests.isEmpty() : null;
    TrajectoryText.Loaded traj = trajectory == null ? TrajectoryText.Loaded.NONE : TrajectoryText.read(trajectory);
    if (trajectory != null && !Files.isRegularFile(trajectory)) {
      problems.add("no trajectory at " + trajectory);
    }
    if (serverLog != null && !Files.isRegularFile(serverLog)) {
      problems.add("no server log at " + serverLog);
    }
    return new TrialEvidence(String.valueOf(report), null, requests, executions != null, ran,
        LogTail.read(serverLog), "", traj.text(), traj.status(), List.of(), null, List.of(), null, null,
        problems);
  }

  private static RequestOutcome execution(JsonNode ex) {
    JsonNode req = ex.path("request");
    JsonNode resp = ex.path("response");
    Integer status = resp.path("code").isNumber() ? resp.path("code").asInt() : null;
    String error = null;
    if (status == null) {
      JsonNode re = ex.path("requestError");
      error = re.path("code").asText(re.path("message").asText("no response"));
    }
    List<String> failed = new ArrayList<>();
    int total = 0;
    for (JsonNode a : ex.path("assertions")) {
      if (a.path("skipped").asBoolean(false)) {
        continue;
      }
      total++;
      if (a.hasNonNull("error")) {
        String msg = a.path("error").path("message").asText("");
        failed.add(a.path("assertion").asText("?") + (msg.isEmpty() ? "" : " :: " + msg));
      }
    }
    return new RequestOutcome(ex.path("item").path("name").asText(""), req.path("method").asText(""),
        path(req.path("url")), status, error, failed.size(), total, failed);
  }

  private static String path(JsonNode url) {
    if (url.isTextual()) {
      String raw = url.asText();
      int scheme = raw.indexOf("://");
      int slash = raw.indexOf('/', scheme < 0 ? 0 : scheme + 3);
      return slash < 0 ? raw : raw.substring(slash);
    }
    if (!url.isObject()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (JsonNode seg : url.path("path")) {
      sb.append('/').append(seg.asText());
    }
    List<String> q = new ArrayList<>();
    for (JsonNode kv : url.path("query")) {
      if (!kv.path("disabled").asBoolean(false)) {
        q.add(kv.path("key").asText() + "=" + kv.path("value").asText(""));
      }
    }
    if (!q.isEmpty()) {
      sb.append('?').append(String.join("&", q));
    }
    return sb.length() == 0 ? url.path("raw").asText(null) : sb.toString();
  }
}
