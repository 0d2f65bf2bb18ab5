package dev.decaybench.runner.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.decaybench.runner.util.TreeWalk;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The code an agent wrote, as the paper's verifiers see it: file path to the text of its added
 * lines. Built from a unified diff (the agent's patch) or, when there is no base to diff
 * against, from every source file of the app.
 */
public record PatchFiles(Map<String, String> addedText) {

  private static final long MAX_FILE_BYTES = 1 << 20;

  public static PatchFiles fromUnifiedDiff(String diff) {
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : diff.split("\n", -1)) {
      if (line.startsWith("diff --git a/")) {
        int b = line.indexOf(" b/", 13);
        String path = b > 0 ? line.substring(13, b) : line.substring(13);
        current = files.computeIfAbsent(path, k -> new StringBuilder());
        continue;
      }
      if (current == null || line.startsWith("+++") || line.startsWith("---")) {
        continue;
      }
      if (line.startsWith("+")) {
        current.append(line, 1, line.length()).append('\n');
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put(k, v.toString()));
    return new PatchFiles(out);
  }

  public static PatchFiles fromDirectory(Path root) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    TreeWalk.files(root, TreeWalk.NOT_APP_CODE, (file, rel, attrs) -> {
      if (attrs.size() <= MAX_FILE_BYTES) {
        byte[] bytes = Files.readAllBytes(file);
        if (!looksBinary(bytes)) {
          out.put(rel, new String(bytes, StandardCharsets.UTF_8));
        }
      }
    });
    return new PatchFiles(out);
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return addedText.isEmpty();
  }
}
