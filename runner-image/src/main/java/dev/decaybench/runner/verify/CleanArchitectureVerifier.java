package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paper's clean-architecture check, on the patch: at least three of the four layer
 * directories exist (any alias, at any depth), and no file imports a layer ranked above its own
 * (routes 3 > services 2 > repositories 1 > models 0). Matching is by path components and by the
 * words of an import, so it is as blunt as the paper's on purpose: strict A% stays comparable.
 */
public final class CleanArchitectureVerifier {

  public static final String NAME = "clean_architecture";

  /** Layers in rank order, bottom first, each with the directory names that count as it. */
  static final Map<String, Set<String>> LAYERS = new LinkedHashMap<>();
  static {
    LAYERS.put("models", Set.of("models", "model", "entities", "entity", "domain"));
    LAYERS.put("repositories", Set.of("repositories", "repository", "repos", "data_access", "data", "dao", "dal"));
    LAYERS.put("services", Set.of("services", "service", "usecases", "use_cases"));
    LAYERS.put("routes", Set.of("routes", "handlers", "route", "handler", "routers", "views"));
  }
  /** The paper tests layers in this order when a path matches several. */
  private static final List<String> MATCH_ORDER = List.of("routes", "services", "models", "repositories");
  private static final int MIN_LAYERS = 3;

  private static final List<Pattern> IMPORTS = List.of(
      Pattern.compile("^\\s*from\\s+([\\w.]+)\\s+import", Pattern.MULTILINE),
      Pattern.compile("^\\s*import\\s+([\\w.]+)", Pattern.MULTILINE),
      Pattern.compile("require\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)"),
      Pattern.compile("^\\s*import\\s+.*?\\s+from\\s+['\"]([^'\"]+)['\"]", Pattern.MULTILINE));

  public VerifierResult verify(PatchFiles patch) {
    if (patch.isEmpty()) {
      return new VerifierResult(NAME, VerifierResult.PAPER, false, "no files in the patch", List.of());
    }
    Map<String, Integer> filesPerLayer = new LinkedHashMap<>();
    for (String path : patch.addedText().keySet()) {
      Set<String> dirs = directories(path);
      for (String layer : MATCH_ORDER) {
        if (intersects(LAYERS.get(layer), dirs)) {
          filesPerLayer.merge(layer, 1, Integer::sum);
        }
      }
    }
    List<String> violations = new ArrayList<>();
    patch.addedText().forEach((path, source) -> {
      String own = layerOf(directories(path));
      if (own == null) {
        return;
      }
      for (Pattern p : IMPORTS) {
        Matcher m = p.matcher(source);
        while (m.find()) {
          String target = layerOf(importWords(m.group(1)));
          if (target != null && rank(target) > rank(own)) {
            violations.add(path + " (" + own + ") imports " + m.group(1) + " (" + target + ")");
          }
        }
      }
    });
    boolean layersOk = filesPerLayer.size() >= MIN_LAYERS;
    Set<String> missing = new TreeSet<>(LAYERS.keySet());
    missing.removeAll(filesPerLayer.keySet());
    String reason = (layersOk
        ? "layers " + filesPerLayer.size() + "/4: " + String.join(", ", new TreeSet<>(filesPerLayer.keySet()))
        : "only " + filesPerLayer.size() + "/4 layers (need >= " + MIN_LAYERS + "), missing: "
            + String.join(", ", missing))
        + "; " + (violations.isEmpty() ? "no dependency violations" : violations.size() + " dependency violation(s)");
    List<String> evidence = new ArrayList<>();
    filesPerLayer.forEach((k, v) -> evidence.add("layer " + k + ": " + v + " file(s)"));
    evidence.addAll(violations);
    return new VerifierResult(NAME, VerifierResult.PAPER, layersOk && violations.isEmpty(), reason, evidence);
  }

  private static String layerOf(Set<String> words) {
    for (String layer : MATCH_ORDER) {
      if (intersects(LAYERS.get(layer), words)) {
        return layer;
      }
    }
    return null;
  }

  private static int rank(String layer) {
    return new ArrayList<>(LAYERS.keySet()).indexOf(layer);
  }

  private static Set<String> directories(String path) {
    String[] parts = path.split("/");
    Set<String> dirs = new TreeSet<>();
    for (int i = 0; i < parts.length - 1; i++) {
      dirs.add(parts[i].toLowerCase(Locale.ROOT));
    }
    return dirs;
  }

  /** Words of an import: Python dots become path separators, then . and .. are dropped. */
  private static Set<String> importWords(String importPath) {
    Set<String> words = new TreeSet<>();
    for (String part : importPath.replace('.', '/').split("/")) {
      if (!part.isEmpty()) {
        words.add(part.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
