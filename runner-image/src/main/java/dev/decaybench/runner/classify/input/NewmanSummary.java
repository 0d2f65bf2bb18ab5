package dev.decaybench.runner.classify.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the paper's one-line-per-failed-request summary ({@code Name METHOD → STATUS: N failed};
 * STATUS is empty when the request got no answer) and its two fixed sentences: no report at all
 * (the server never started) and every assertion passed. Also parses its verifier summary lines
 * ({@code Architecture: FAILED — reason}).
 */
final class NewmanSummary {

  /** The failed requests, whether the suite ran (null: cannot tell) and lines not understood. */
  record Parsed(List<RequestOutcome> requests, Boolean suiteRan, List<String> unparsed) {}

  private static final Pattern LINE = Pattern.compile(
      "^\\s*(.+?)(?:\\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\?))?\\s*(?:\u2192|->|=>|\u21d2)\\s*([^:]*?)\\s*:\\s*(\\d+)\\s+failed\\b.*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern VERIFIER = Pattern.compile(
      "^\\s*([A-Za-z][\\w ./-]*?)\\s*:\\s*(FAILED|FAIL|PASSED|PASS|OK)\\b\\s*(?:\u2014|--|-|:)?\\s*(.*)$",
      Pattern.CASE_INSENSITIVE);

  private NewmanSummary() {}

  static Parsed parse(String text) {
    if (text == null || text.isBlank()) {
      return new Parsed(List.of(), null, List.of());
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Boolean ran = null;
    if (lower.contains("no newman csv") || lower.contains("never started") || lower.contains("no newman report")) {
      ran = false;
    } else if (lower.contains("all newman assertions passed")) {
      ran = true;
    }
    List<RequestOutcome> requests = new ArrayList<>();
    List<String> unparsed = new ArrayList<>();
    List<Matcher> lines = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        unparsed.add(line);
        continue;
      }
      lines.add(m);
    }
    int cursor = 0;
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = lines.get(i);
      String name = m.group(1).strip();
      String method = m.group(2) == null || m.group(2).equals("?") ? "" : m.group(2).toUpperCase(Locale.ROOT);
      Integer status = parseStatus(m.group(3));
      int failed = Integer.parseInt(m.group(4).length() > 6 ? "999999" : m.group(4));
      int later = 0;
      for (int j = i + 1; j < lines.size(); j++) {
        later += lines.get(j).group(1).strip().equalsIgnoreCase(name) ? 1 : 0;
      }
      ConduitCollection.Entry e = ConduitCollection.match(name, method, null, cursor, failed, status, later);
      if (e.known()) {
        cursor = e.index() + 1;
      }
      requests.add(new RequestOutcome(name, method.isEmpty() ? e.method() : method, null, status,
          status == null ? "no answer" : null, failed, e.checks(), List.of()));
    }
    if (!requests.isEmpty()) {
      ran = true;
    }
    return new Parsed(requests, ran, unparsed);
  }

  private static Integer parseStatus(String s) {
    String t = s == null ? "" : s.strip();
    if (t.matches("\\d{3}")) {
      return Integer.valueOf(t);
    }
    return null;
  }

  /** Verifier lines of the paper's summary; "All verifier checks passed." gives an empty list. */
  static List<VerifierFinding> verifiers(String text) {
    List<VerifierFinding> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String raw : text.split("\n")) {
      Matcher m = VERIFIER.matcher(raw);
      if (m.matches()) {
        String verdict = m.group(2).toUpperCase(Locale.ROOT);
        out.add(new VerifierFinding(m.group(1).strip(), !verdict.startsWith("FAIL"), m.group(3).strip()));
      }
    }
    return out;
  }
}
