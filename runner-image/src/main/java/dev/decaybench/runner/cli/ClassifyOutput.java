package dev.decaybench.runner.cli;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.input.TrialEvidence;
import java.util.List;

/** The table format of {@code decaybench classify}. */
final class ClassifyOutput {

  private ClassifyOutput() {}

  static String table(List<TrialEvidence> inputs, List<FailureClass> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-40s %-26s %-27s %-5s %-5s %-24s %s%n", "SOURCE", "CLASS", "SUBCATEGORY", "DATA",
        "CONF", "RULE", "FIRST EVIDENCE"));
    for (int i = 0; i < inputs.size(); i++) {
      FailureClass f = results.get(i);
      sb.append(String.format("%-40s %-26s %-27s %-5s %-5.2f %-24s %s%n", tail(inputs.get(i).source(), 40),
          f.coarse(), f.subcategory() == null ? "-" : f.subcategory(), f.dataLayer() ? "yes" : "no",
          f.confidence(), clip(f.rule(), 24), f.evidence().isEmpty() ? "" : clip(f.evidence().get(0), 100)));
    }
    return sb.toString();
  }

  private static String tail(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : "\u2026" + s.substring(s.length() - max + 1);
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
