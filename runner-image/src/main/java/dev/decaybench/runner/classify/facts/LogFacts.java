package dev.decaybench.runner.classify.facts;

import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the server and setup logs say: every line that matched a known signature, by kind. */
public final class LogFacts {

  /**
   * One recognised line; {@code setup} is true for lines of the setup log or start-up notes;
   * {@code index} is the line's position in the server log (-1 for setup lines).
   */
  public record Hit(LogSignature signature, String line, boolean setup, int index) {
    public String describe() {
      return (setup ? "setup log: " : "log: ") + Facts.clip(line.strip(), 220);
    }
  }

  private static final int MAX_LINE = 4000;
  private static final Pattern UNRESOLVED_SLUG = Pattern.compile(
      "/articles/(undefined|null|None|NaN|%7B%7Bslug%7D%7D|\\{\\{slug\\}\\})(?=[/\\s?\"']|$)");

  private final Map<Kind, List<Hit>> hits = new EnumMap<>(Kind.class);
  private final List<String> serverLines = new ArrayList<>();
  private String unresolvedSlugLine;

  private LogFacts() {}

  static LogFacts scan(String serverLog, String setupLog, List<String> notes) {
    LogFacts f = new LogFacts();
    f.scanText(setupLog, true);
    for (String n : notes) {
      f.scanText(n, true);
    }
    f.scanText(serverLog, false);
    return f;
  }

  private void scanText(String text, boolean setup) {
    if (text == null || text.isEmpty()) {
      return;
    }
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        String line = text.substring(start, Math.min(end, start + MAX_LINE));
        if (!setup) {
          serverLines.add(line);
        }
        LogSignature s = LogSignatures.firstMatch(line);
        if (s != null) {
          hits.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(new Hit(s, line, setup,
              setup ? -1 : serverLines.size() - 1));
        }
        if (!setup && unresolvedSlugLine == null && line.contains("/articles/")) {
          Matcher m = UNRESOLVED_SLUG.matcher(line);
          if (m.find()) {
            unresolvedSlugLine = line;
          }
        }
      }
      start = end + 1;
    }
  }

  boolean has(Kind k) {
    return hits.containsKey(k);
  }

  public List<Hit> all(Kind k) {
    return hits.getOrDefault(k, List.of());
  }

  public Hit first(Kind k) {
    List<Hit> h = all(k);
    return h.isEmpty() ? null : h.get(0);
  }

  public Hit last(Kind k) {
    List<Hit> h = all(k);
    return h.isEmpty() ? null : h.get(h.size() - 1);
  }

  /** The first hit of a signature with this id, or null. */
  Hit first(String signatureId) {
    for (List<Hit> list : hits.values()) {
      for (Hit h : list) {
        if (h.signature().id().equals(signatureId)) {
          return h;
        }
      }
    }
    return null;
  }

  /**
   * Up to {@code n} server-log lines just before a hit: for a Python traceback or a Node stack these
   * name the frames the error was raised from. Empty for setup lines.
   */
  List<String> before(Hit h, int n) {
    if (h == null || h.index() < 0) {
      return List.of();
    }
    return serverLines.subList(Math.max(0, h.index() - n), h.index());
  }

  /** Up to {@code n} server-log lines just after a hit (a Node stack follows its message). */
  List<String> after(Hit h, int n) {
    if (h == null || h.index() < 0) {
      return List.of();
    }
    return serverLines.subList(h.index() + 1, Math.min(serverLines.size(), h.index() + 1 + n));
  }

  /** A log line requesting /articles/undefined, /articles/null, ...: a slug that never arrived. */
  public String unresolvedSlugLine() {
    return unresolvedSlugLine;
  }

  boolean isEmpty() {
    return hits.isEmpty();
  }
}
