package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.result.AssertionResult;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.RequestResult;
import dev.decaybench.model.result.TrialResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What report.html shows when a trial row is clicked: its scores, the failure class with evidence,
 * the failed requests with status codes, the verifiers, the server log tail and links to the files
 * of its directory. Bounded per trial so that a big run still makes a reasonable page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialDetail(
    String id,
    String task,
    String framework,
    int level,
    String variant,
    int repeat,
    String status,
    String error,
    double aPct,
    double strictAPct,
    Double strictAPctPlus,
    boolean success,
    Boolean healthy,
    Integer assertionsPassed,
    Integer assertionsTotal,
    Integer extendedPassed,
    Integer extendedTotal,
    String healthCheck,
    Integer appExitCode,
    JsonNode agentOutcome,
    Failure failure,
    List<Request> failedRequests,
    int failedRequestsTotal,
    List<Request> extendedFailedRequests,
    int extendedFailedRequestsTotal,
    List<Verifier> verifiers,
    String logTail,
    List<FileLink> files,
    long durationMs) {

  static final int MAX_REQUESTS = 40;
  static final int MAX_ASSERTIONS = 8;
  static final int MAX_EVIDENCE = 20;
  static final int MAX_TEXT = 400;
  static final int MAX_LOG = 6000;
  static final int MAX_FILES = 40;

  /** The failure class, with its evidence lines. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String coarse, String subcategory, boolean dataLayer, Double confidence, String rule,
      List<String> evidence) {}

  /** A request with at least one failed check; {@code status} null when no answer came. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Request(String name, String method, String path, Integer status, String error, int failed,
      int checks, List<Check> failedChecks) {}

  /** One failed check. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Check(String name, String message) {}

  /** One verifier. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Verifier(String name, String source, boolean passed, String reason, List<String> evidence) {}

  /** A file of the trial directory, linked relative to report.html. */
  public record FileLink(String name, long bytes, String href) {}

  static TrialDetail of(TrialEntry e, Path runRoot) {
    TrialRecord r = e.record();
    TrialResult res = e.result();
    Failure failure = null;
    if (res != null && res.failure() != null) {
      FailureClass f = res.failure();
      failure = new Failure(f.coarse(), f.subcategory(), f.dataLayer(), f.confidence(), f.rule(), lines(f.evidence()));
    } else if (!r.success() && r.failureCoarse() != null) {
      failure = new Failure(r.failureCoarse(), r.failureSubcategory(), r.dataLayer(), null,
          e.crashed() ? "crashed trial" : null, e.error() == null ? List.of() : List.of(cut(e.error())));
    }
    List<RequestResult> failedReqs = res == null || res.requests() == null ? List.of()
        : res.requests().stream().filter(q -> q.assertions() != null && q.failedCount() > 0).toList();
    List<RequestResult> failedExt = res == null || res.extended() == null || res.extended().requests() == null
        ? List.of()
        : res.extended().requests().stream().filter(q -> q.assertions() != null && q.failedCount() > 0).toList();
    List<Verifier> verifiers = res == null || res.verifiers() == null ? List.of()
        : res.verifiers().stream().map(v -> new Verifier(v.name(), v.source(), v.passed(), cutOrNull(v.reason()),
            lines(v.evidence()))).toList();
    String tail = res != null && res.serverLogTail() != null ? res.serverLogTail() : fileTail(e.dir().resolve("server.log"));
    if (tail != null && tail.length() > MAX_LOG) {
      tail = tail.substring(tail.length() - MAX_LOG);
    }
    return new TrialDetail(e.id(), r.task(), r.framework(), r.level(), r.variant(), r.repeat(), e.status(),
        e.error(), r.aPct(), r.strictAPct(), r.strictAPctPlus(), r.success(),
        res == null ? null : res.healthy(),
        res == null || res.assertions() == null ? null : res.assertions().passed(),
        res == null || res.assertions() == null ? null : res.assertions().total(),
        r.extendedPassed(), r.extendedTotal(),
        res == null || res.startup() == null ? null : res.startup().healthCheck(),
        res == null || res.startup() == null ? null : res.startup().appExitCode(),
        e.info() == null ? null : e.info().agentOutcome(),
        failure, requests(failedReqs), failedReqs.size(), requests(failedExt), failedExt.size(), verifiers,
        tail, files(e.dir(), runRoot), r.durationMs());
  }

  private static List<Request> requests(List<RequestResult> failed) {
    List<Request> out = new ArrayList<>();
    for (RequestResult q : failed.subList(0, Math.min(MAX_REQUESTS, failed.size()))) {
      List<Check> checks = q.assertions().stream().filter(a -> !a.passed()).limit(MAX_ASSERTIONS)
          .map((AssertionResult a) -> new Check(cut(a.name()), cutOrNull(a.message()))).toList();
      out.add(new Request(q.name(), q.method(), q.path(), q.status(), cutOrNull(q.error()), (int) q.failedCount(),
          q.assertions().size(), checks));
    }
    return out;
  }

  private static List<String> lines(List<String> evidence) {
    if (evidence == null) {
      return List.of();
    }
    return evidence.stream().limit(MAX_EVIDENCE).map(TrialDetail::cut).toList();
  }

  private static String cutOrNull(String s) {
    return s == null ? null : cut(s);
  }

  private static String cut(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
  }

  private static List<FileLink> files(Path dir, Path runRoot) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().limit(MAX_FILES).map(p -> {
        long size;
        try {
          size = Files.size(p);
        } catch (IOException ex) {
          size = -1;
        }
        return new FileLink(p.getFileName().toString(), size, href(runRoot.relativize(p.toAbsolutePath().normalize())));
      }).toList();
    } catch (IOException | IllegalArgumentException ex) {
      return List.of();
    }
  }

  private static String href(Path relative) {
    List<String> parts = new ArrayList<>();
    relative.forEach(p -> parts.add(URLEncoder.encode(p.toString(), StandardCharsets.UTF_8).replace("+", "%20")));
    return String.join("/", parts);
  }

  private static String fileTail(Path log) {
    if (!Files.isRegularFile(log)) {
      return null;
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, MAX_LOG * 2L);
      byte[] buf = new byte[n];
      f.seek(len - n);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
