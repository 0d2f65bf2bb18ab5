package dev.decaybench.runner.classify.rules;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.RequestFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects the few lines that justify a verdict: log lines, failed requests, verifier findings. */
final class Evidence {

  private static final int MAX_LINES = 8;
  private final LinkedHashSet<String> lines = new LinkedHashSet<>();

  Evidence add(String line) {
    if (line != null && !line.isBlank() && lines.size() < MAX_LINES) {
      lines.add(Facts.clip(line.strip(), 240));
    }
    return this;
  }

  Evidence hit(LogFacts.Hit h) {
    return h == null ? this : add(h.describe());
  }

  Evidence rows(List<RequestFacts.Row> rows, int max) {
    rows.stream().limit(max).forEach(r -> add(r.describe()));
    if (rows.size() > max) {
      add("... and " + (rows.size() - max) + " more failed request(s) of the same kind");
    }
    return this;
  }

  List<String> list() {
    return new ArrayList<>(lines);
  }
}
