package dev.decaybench.runner.classify.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.classify.input.SampleReader;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Taxonomy;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A labelled set for {@code decaybench classify --eval}: sample files (an object or an array of
 * objects in the paper's sample shape, each with {@code expected_coarse} and, for logic errors,
 * {@code expected_subcategory}) and trial directories holding a {@code label.json} with the same
 * two fields. The paper's own validation set (field {@code human_subcategory}) is read as logic
 * errors with that subcategory. Unlabelled objects are skipped.
 */
public final class LabelledSet {

  /** One labelled trial. {@code expectedSubcategory} is null unless the class is logic_error. */
  public record Case(String id, TrialEvidence evidence, String expectedCoarse, String expectedSubcategory) {}

  private LabelledSet() {}

  public static List<Case> load(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException("no such labels file or directory: " + path);
    }
    List<Case> out = new ArrayList<>();
    if (Files.isRegularFile(path)) {
      readSampleFile(path, out);
      return out;
    }
    List<Path> trialDirs;
    try (Stream<Path> s = Files.walk(path)) {
      trialDirs = s.filter(p -> Files.isRegularFile(p.resolve("label.json"))).sorted().toList();
    }
    for (Path d : trialDirs) {
      JsonNode label = Json.mapper().readTree(d.resolve("label.json").toFile());
      String[] exp = expected(label);
      if (exp != null) {
        out.add(new Case(label.path("id").asText(d.getFileName().toString()), TrialEvidence.fromTrialDirectory(d),
            exp[0], exp[1]));
      }
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(path)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json"))
          .filter(p -> trialDirs.stream().noneMatch(p::startsWith)).sorted().toList();
    }
    for (Path f : files) {
      readSampleFile(f, out);
    }
    return out;
  }

  private static void readSampleFile(Path f, List<Case> out) throws IOException {
    JsonNode root = Json.mapper().readTree(f.toFile());
    List<JsonNode> nodes = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(nodes::add);
    } else if (root != null) {
      nodes.add(root);
    }
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String[] exp = expected(n);
      if (exp == null) {
        continue;
      }
      String source = nodes.size() == 1 ? f.getFileName().toString() : f.getFileName() + "#" + i;
      String id = n.path("id").isValueNode() ? n.path("id").asText() : source;
      out.add(new Case(id, SampleReader.one(n, source), exp[0], exp[1]));
    }
  }

  /** [coarse, subcategory] from a label object, or null when it carries no label. */
  static String[] expected(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    String coarse = norm(n.path("expected_coarse").asText(n.path("expected").path("coarse").asText(null)));
    String sub = norm(n.path("expected_subcategory").asText(n.path("expected").path("subcategory").asText(null)));
    if (coarse == null && norm(n.path("human_subcategory").asText(null)) != null) {
      coarse = Taxonomy.LOGIC_ERROR;
      sub = norm(n.path("human_subcategory").asText());
    }
    if (coarse == null) {
      return null;
    }
    return new String[] {coarse, Taxonomy.LOGIC_ERROR.equals(coarse) ? sub : null};
  }

  private static String norm(String s) {
    return s == null || s.isBlank() || s.equals("null") ? null : s.strip().toLowerCase(Locale.ROOT);
  }
}
