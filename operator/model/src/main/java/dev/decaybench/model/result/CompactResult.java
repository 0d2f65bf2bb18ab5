package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a trial result that travels in a pod's termination message: scores, verifier verdicts, failure class, a little evidence and what the agent
 * spent ({@code usage}: tokens, calls, steps, tool calls by kind; null when the agent reported
 * nothing). The full trial directory goes to the artifact volume when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompactResult(
    double aPct,
    double strictAPct,
    double strictAPctPlus,
    boolean success,
    boolean healthy,
    int passed,
    int total,
    Integer extendedPassed,
    Integer extendedTotal,
    List<String> failedVerifiers,
    String failure,
    String subcategory,
    Boolean dataLayer,
    List<String> evidence,
    TrialUsage usage) {

  /**
   * The kubelet gives a pod 12 KiB of termination messages, split evenly over all its containers
   * (init containers included) and cut from the end: a trial pod has five (prepare, agent,
   * postgres, app, evaluate), so evaluate's message keeps 2.4 KiB, not the 4 KiB of a lone
   * container.
   */
  public static final int LIMIT_BYTES = 12 * 1024 / 5;
  /** Tool kinds kept, and their name length: a usage file may name any, the message has 3 KiB. */
  public static final int MAX_TOOL_KINDS = 8;
  public static final int MAX_TOOL_NAME = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A result without usage. */
  public CompactResult(double aPct, double strictAPct, double strictAPctPlus, boolean success, boolean healthy,
      int passed, int total, Integer extendedPassed, Integer extendedTotal, List<String> failedVerifiers,
      String failure, String subcategory, Boolean dataLayer, List<String> evidence) {
    this(aPct, strictAPct, strictAPctPlus, success, healthy, passed, total, extendedPassed, extendedTotal,
        failedVerifiers, failure, subcategory, dataLayer, evidence, null);
  }

  /** The result with what the agent spent (tool kinds bounded); null or empty usage is none. */
  public CompactResult withUsage(TrialUsage u) {
    TrialUsage known = TrialUsage.orNull(u);
    if (known != null && known.toolCalls() != null) {
      Map<String, Integer> tools = new TreeMap<>();
      known.toolCalls().entrySet().stream().filter(e -> e.getKey().length() <= MAX_TOOL_NAME)
          .sorted(Map.Entry.comparingByKey()).limit(MAX_TOOL_KINDS).forEach(e -> tools.put(e.getKey(), e.getValue()));
      known = new TrialUsage(known.promptTokens(), known.completionTokens(), known.llmCalls(), known.steps(),
          tools, known.agentMs(), known.evaluationMs(), known.cost());
    }
    return new CompactResult(aPct, strictAPct, strictAPctPlus, success, healthy, passed, total, extendedPassed,
        extendedTotal, failedVerifiers, failure, subcategory, dataLayer, evidence, known);
  }

  public static CompactResult of(TrialResult r) {
    FailureClass f = r.failure();
    List<String> failed = r.verifiers() == null ? List.of()
        : r.verifiers().stream().filter(v -> !v.passed()).map(VerifierResult::name).toList();
    return new CompactResult(r.aPct(), r.strictAPct(), r.strictAPctPlus(), r.success(), r.healthy(),
        r.assertions().passed(), r.assertions().total(),
        r.extended() == null ? null : r.extended().passed(),
        r.extended() == null ? null : r.extended().total(), failed,
        f == null ? null : f.coarse(), f == null ? null : f.subcategory(),
        f == null ? null : f.dataLayer(), f == null || f.evidence() == null ? List.of() : f.evidence());
  }

  /** JSON under {@link #LIMIT_BYTES}: evidence lines are shortened, then dropped, until it fits. */
  public String toJson() {
    List<String> ev = new ArrayList<>();
    for (String e : evidence) {
      ev.add(e.length() > 300 ? e.substring(0, 297) + "..." : e);
    }
    while (true) {
      String json = write(withEvidence(ev));
      if (json.getBytes(StandardCharsets.UTF_8).length <= LIMIT_BYTES || ev.isEmpty()) {
        return json;
      }
      ev.remove(ev.size() - 1);
    }
  }

  public static CompactResult parse(String json) throws JsonProcessingException {
    return JSON.readValue(json, CompactResult.class);
  }

  private CompactResult withEvidence(List<String> ev) {
    return new CompactResult(aPct, strictAPct, strictAPctPlus, success, healthy, passed, total,
        extendedPassed, extendedTotal, failedVerifiers, failure, subcategory, dataLayer, List.copyOf(ev), usage);
  }

  private static String write(CompactResult r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
