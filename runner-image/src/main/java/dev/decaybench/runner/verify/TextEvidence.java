package dev.decaybench.runner.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Named patterns searched in the patch's added lines (lock files excluded, like the paper). */
final class TextEvidence {

  private static final List<String> LOCK_FILES = List.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml");

  private TextEvidence() {}

  static String blob(PatchFiles patch) {
    StringBuilder sb = new StringBuilder();
    patch.addedText().forEach((path, text) -> {
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (!LOCK_FILES.contains(name)) {
        sb.append(text).append('\n');
      }
    });
    return sb.toString();
  }

  static List<String> labelsFound(String blob, Map<String, Pattern> patterns) {
    List<String> found = new ArrayList<>();
    patterns.forEach((label, p) -> {
      if (p.matcher(blob).find()) {
        found.add(label);
      }
    });
    return found;
  }
}
