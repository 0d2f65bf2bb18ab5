package dev.decaybench.runner.run.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.runner.util.ResourceTree;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds an app from a built-in reference app and overlays: directories whose files replace the
 * base's, with an optional {@code delete.txt}. A broken variant ({@code variant.json} names its
 * base) and a stored solution ({@code solution.json}: base plus overlay paths) are both overlays.
 */
public final class Solutions {

  public static final String FLASK = "flask-sqlalchemy-postgres";
  public static final String EXPRESS = "express-sequelize-postgres";
  private static final Set<String> MARKERS = Set.of("variant.json", "solution.json", "delete.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Solutions() {}

  /** Copies the built-in reference app {@code base} to {@code target}. */
  public static void reference(String base, Path target) throws IOException {
    String dir = "reference-apps/" + base;
    if (!ResourceTree.exists(dir)) {
      throw new IOException("unknown reference app '" + base + "' (built in: " + FLASK + ", " + EXPRESS + ")");
    }
    ResourceTree.copy(dir, target);
  }

  /** Lays {@code overlay} over the app in {@code target}. */
  public static void overlay(Path overlay, Path target) throws IOException {
    try (var s = Files.walk(overlay)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Path rel = overlay.relativize(p);
        if (rel.getNameCount() == 1 && MARKERS.contains(rel.toString())) {
          continue;
        }
        Path dest = target.resolve(rel.toString());
        Files.createDirectories(dest.getParent());
        Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Path deletions = overlay.resolve("delete.txt");
    if (Files.exists(deletions)) {
      for (String line : Files.readAllLines(deletions)) {
        if (!line.isBlank()) {
          Trees.deleteQuietly(target.resolve(line.strip()));
        }
      }
    }
  }

  /** A broken variant: its base reference app with the variant laid over it. */
  public static void variant(Path variantDir, Path target) throws IOException {
    JsonNode info = JSON.readTree(variantDir.resolve("variant.json").toFile());
    reference(info.path("base").asText(), target);
    overlay(variantDir, target);
  }

  /**
   * A stored solution directory: {@code solution.json} ({@code {"base": ..., "overlays": [...]}},
   * overlay paths relative to it), a variant ({@code variant.json}), or a complete app.
   */
  public static void materialize(Path solutionDir, Path target) throws IOException {
    Path solution = solutionDir.resolve("solution.json");
    if (Files.exists(solution)) {
      JsonNode info = JSON.readTree(solution.toFile());
      List<Path> overlays = new ArrayList<>();
      info.path("overlays").forEach(o -> overlays.add(solutionDir.resolve(o.asText()).normalize()));
      // checked before the workspace is touched: a half-laid solution (the reference app without
      // its defect) would be scored as if the agent had written it
      for (Path o : overlays) {
        if (!Files.isDirectory(o)) {
          throw new IOException(solution + " names overlay " + o + ", which does not exist");
        }
      }
      reference(info.path("base").asText(), target);
      for (Path o : overlays) {
        overlay(o, target);
      }
      overlay(solutionDir, target);
    } else if (Files.exists(solutionDir.resolve("variant.json"))) {
      variant(solutionDir, target);
    } else {
      Trees.copy(solutionDir, target, Set.of("node_modules", ".git"));
    }
  }
}
