package dev.decaybench.runner.classify.facts;

import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.input.ConduitCollection.Entry;
import dev.decaybench.runner.classify.input.RequestOutcome;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what kind of checks a 2xx request failed: from the check names when the source has them
 * (decaybench and Newman reports), else from the count of failed checks and what the collection
 * says each request checks (the paper's summary).
 */
final class CheckNames {

  private enum Kind { STATUS, SEMANTIC, ITEM, SHAPE }

  private CheckNames() {}

  static Symptom symptom2xx(RequestOutcome r, Entry e) {
    List<String> names = r.failedCheckNames();
    if (!names.isEmpty()) {
      Set<Kind> kinds = new HashSet<>();
      for (String n : names) {
        kinds.add(kind(n, e));
      }
      if (kinds.equals(Set.of(Kind.STATUS))) {
        return r.status() == 200 ? Symptom.OTHER_2XX : Symptom.STATUS_MISMATCH;
      }
      kinds.remove(Kind.STATUS);
      if (kinds.equals(Set.of(Kind.SEMANTIC))) {
        return Symptom.SEMANTIC;
      }
      if (kinds.equals(Set.of(Kind.ITEM))) {
        return Symptom.EMPTY;
      }
      if (kinds.contains(Kind.SHAPE) && !(e.itemChecks() > 0 && r.failedChecks() == e.itemChecks())) {
        return Symptom.SHAPE;
      }
    }
    return byCount(r, e);
  }

  private static Symptom byCount(RequestOutcome r, Entry e) {
    if (!e.known()) {
      return Symptom.OTHER_2XX;
    }
    int f = r.failedChecks();
    if (e.itemChecks() > 0 && f == e.itemChecks()) {
      return Symptom.EMPTY;
    }
    if (e.checksStatus() && f == 1 && r.status() != 200) {
      return Symptom.STATUS_MISMATCH;
    }
    if (e.semanticChecks() > 0 && f <= e.semanticChecks()) {
      return Symptom.SEMANTIC;
    }
    return Symptom.SHAPE;
  }

  private static Kind kind(String checkName, Entry e) {
    String n = checkName.toLowerCase(Locale.ROOT);
    int sep = n.indexOf(" :: ");
    String name = sep >= 0 ? n.substring(0, sep) : n;
    String message = sep >= 0 ? n.substring(sep) : "";
    if (name.contains("response code") || name.startsWith("status")) {
      return Kind.STATUS;
    }
    if (isSemantic(name)) {
      return Kind.SEMANTIC;
    }
    boolean aboutWrapper = name.contains("count") || name.startsWith("response contains");
    if (name.contains("[0]") || !aboutWrapper && (message.contains("\"articles\":[]") || message.contains("\"comments\":[]"))) {
      return Kind.ITEM; // a missing articlesCount next to an empty list is still a wrapper defect
    }
    return Kind.SHAPE;
  }

  private static boolean isSemantic(String name) {
    boolean flagValue = name.contains(" true") || name.contains(" false") || name.endsWith("true")
        || name.endsWith("false");
    return (name.contains("favorited") || name.contains("following")) && flagValue
        || name.contains("favoritescount") && (name.contains("greater") || name.contains("> 0"));
  }

  /** Which semantic checks failed: "count" (favoritesCount > 0) and/or "flag"; empty when unknown. */
  static Set<String> semanticFlags(RequestOutcome r, Entry e) {
    Set<String> out = new HashSet<>();
    for (String c : r.failedCheckNames()) {
      String n = c.toLowerCase(Locale.ROOT);
      int sep = n.indexOf(" :: ");
      String name = sep >= 0 ? n.substring(0, sep) : n;
      if (isSemantic(name)) {
        out.add(name.contains("favoritescount") ? "count" : "flag");
      }
    }
    if (out.isEmpty() && r.failedCheckNames().isEmpty() && e.semanticChecks() == 2 && r.failedChecks() == 2) {
      out.add("count");
      out.add("flag");
    }
    return Set.copyOf(out);
  }
}
