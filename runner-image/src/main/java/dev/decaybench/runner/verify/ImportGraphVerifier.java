package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clean architecture proven on the resolved import graph, by the task's rule: "Routes import
 * Services, Services import Repositories, never the reverse". So two shapes are violations, each
 * with file, line and import as evidence: an import from a lower layer into a higher one
 * (models < repositories < services < routes), and a route (handler) reaching a repository
 * without a service. Models/entities are data structures every layer may use, so importing them
 * is never a violation (a service using its entities is the common, correct design). Catches
 * what the paper's word search lets through, e.g. a route that imports a repository.
 */
public final class ImportGraphVerifier {

  public static final String NAME = "import_graph";
  public static final String SOURCE = "decaybench";
  private static final List<String> ORDER = List.of("models", "repositories", "services", "routes");

  public VerifierResult verify(SourceFiles sources) {
    List<ImportGraph.Edge> edges = new ImportGraph(sources).edges();
    List<String> violations = new ArrayList<>();
    int layered = 0;
    for (ImportGraph.Edge e : edges) {
      String from = layerOf(e.from());
      String to = layerOf(e.to());
      if (from == null || to == null || from.equals(to)) {
        continue;
      }
      layered++;
      String broken = brokenRule(from, to);
      if (broken != null) {
        violations.add(e.from() + ":" + e.line() + ": " + e.written() + " (" + from + " -> " + to
            + ", " + broken + ")");
      }
    }
    if (edges.isEmpty()) {
      return new VerifierResult(NAME, SOURCE, false, "no import between the app's own modules was found",
          List.of());
    }
    String reason = violations.isEmpty()
        ? layered + " cross-layer imports, none upwards, no route reaches a repository"
        : violations.size() + " import(s) go up a layer or bypass the services";
    return new VerifierResult(NAME, SOURCE, violations.isEmpty(), reason,
        violations.stream().limit(20).toList());
  }

  /** What the import breaks of the task's rule, or null when it keeps it. */
  private static String brokenRule(String from, String to) {
    if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
      return "upwards";
    }
    if (from.equals("routes") && to.equals("repositories")) {
      return "bypasses the services";
    }
    return null;
  }

  static String layerOf(String path) {
    String[] parts = path.toLowerCase(Locale.ROOT).split("/");
    for (int i = parts.length - 2; i >= 0; i--) {
      for (Map.Entry<String, Set<String>> layer : CleanArchitectureVerifier.LAYERS.entrySet()) {
        if (layer.getValue().contains(parts[i])) {
          return layer.getKey();
        }
      }
    }
    return null;
  }
}
