package dev.decaybench.runner.verify;

import dev.decaybench.api.result.VerifierResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clean architecture proven on the resolved import graph: routes may import services, services
 * repositories, repositories models (and anything may import its own layer or non-layer code
 * such as config). Importing upwards or skipping a layer is a violation, with file, line and
 * import as evidence. Catches what the paper's word search lets through, e.g. a route that
 * imports a repository.
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
      int gap = ORDER.indexOf(from) - ORDER.indexOf(to);
      if (gap != 1) {
        violations.add(e.from() + ":" + e.line() + ": " + e.written() + " (" + from + " -> " + to
            + (gap < 0 ? ", upwards" : ", skips " + (gap - 1) + " layer(s)") + ")");
      }
    }
    if (edges.isEmpty()) {
      return new VerifierResult(NAME, SOURCE, false, "no import between the app's own modules was found",
          List.of());
    }
    String reason = violations.isEmpty()
        ? layered + " cross-layer imports, all one layer down"
        : violations.size() + " import(s) go up a layer or skip one";
    return new VerifierResult(NAME, SOURCE, violations.isEmpty(), reason,
        violations.stream().limit(20).toList());
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
