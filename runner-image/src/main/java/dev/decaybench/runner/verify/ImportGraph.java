package dev.decaybench.runner.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's module import graph: for each source file, the imports that resolve to another
 * file of the app (relative and package imports; third-party modules are dropped).
 */
final class ImportGraph {

  /** One resolved import: who imports whom, where, and as written. */
  record Edge(String from, String to, int line, String written) {}

  private static final Pattern PY_FROM = Pattern.compile("^[ \\t]*from[ \\t]+(\\.*[\\w.]*)[ \\t]+import[ \\t]+\\(?([\\w, \\t*]+)", Pattern.MULTILINE);
  private static final Pattern PY_IMPORT = Pattern.compile("^[ \\t]*import[ \\t]+([\\w.]+(?:[ \\t]*,[ \\t]*[\\w.]+)*)", Pattern.MULTILINE);
  private static final Pattern JS_IMPORT = Pattern.compile(
      "(?:require|import)\\s*\\(\\s*['\"`]([^'\"`]+)['\"`]\\s*\\)|(?:import|export)\\s[^'\"`;]*?from\\s*['\"`]([^'\"`]+)['\"`]|^\\s*import\\s*['\"]([^'\"]+)['\"]",
      Pattern.MULTILINE);
  private static final List<String> JS_SUFFIXES = List.of("", ".js", ".ts", ".mjs", ".cjs", ".jsx",
      ".tsx", "/index.js", "/index.ts", "/index.mjs");

  private final SourceFiles sources;

  ImportGraph(SourceFiles sources) {
    this.sources = sources;
  }

  List<Edge> edges() {
    List<Edge> out = new ArrayList<>();
    sources.byPath().forEach((path, text) -> {
      if (SourceFiles.isPython(path)) {
        python(path, text, out);
      } else {
        javascript(path, text, out);
      }
    });
    return out;
  }

  private void python(String path, String text, List<Edge> out) {
    Matcher m = PY_FROM.matcher(text);
    while (m.find()) {
      String module = m.group(1);
      int line = SourceFiles.lineOf(text, m.start());
      boolean found = false;
      for (String name : m.group(2).split(",")) {
        String n = name.strip().split("\\s")[0];
        if (!n.isEmpty() && !n.equals("*")) {
          Optional<String> target = resolvePython(path, module.endsWith(".") ? module + n : module + "." + n);
          if (target.isPresent()) {
            out.add(new Edge(path, target.get(), line, "from " + module + " import " + n));
            found = true;
          }
        }
      }
      if (!found) {
        resolvePython(path, module).ifPresent(t -> out.add(new Edge(path, t, line,
            "from " + module + " import " + m.group(2).strip())));
      }
    }
    Matcher i = PY_IMPORT.matcher(text);
    while (i.find()) {
      for (String module : i.group(1).split(",")) {
        String mod = module.strip();
        int line = SourceFiles.lineOf(text, i.start());
        resolvePython(path, mod).ifPresent(t -> out.add(new Edge(path, t, line, "import " + mod)));
      }
    }
  }

  /** Resolves a dotted (possibly relative) module against the file's package, then every ancestor root. */
  private Optional<String> resolvePython(String fromFile, String module) {
    String dir = parent(fromFile);
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') {
        dots++;
      }
      for (int k = 1; k < dots; k++) {
        dir = parent(dir);
      }
      return pythonFile(join(dir, module.substring(dots).replace('.', '/')));
    }
    String rel = module.replace('.', '/');
    for (String root = dir; ; root = parent(root)) {
      Optional<String> hit = pythonFile(join(root, rel));
      if (hit.isPresent() || root.isEmpty()) {
        return hit;
      }
    }
  }

  private Optional<String> pythonFile(String base) {
    if (base.isEmpty()) {
      return Optional.empty();
    }
    for (String candidate : List.of(base + ".py", base + "/__init__.py")) {
      if (sources.byPath().containsKey(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private void javascript(String path, String text, List<Edge> out) {
    Matcher m = JS_IMPORT.matcher(text);
    while (m.find()) {
      String spec = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      int line = SourceFiles.lineOf(text, m.start());
      String base = spec.startsWith(".") ? join(parent(path), spec)
          : spec.startsWith("@/") || spec.startsWith("~/") ? "src/" + spec.substring(2) : null;
      if (base == null) {
        continue;
      }
      String normalized = normalize(base);
      for (String suffix : JS_SUFFIXES) {
        if (sources.byPath().containsKey(normalized + suffix)) {
          out.add(new Edge(path, normalized + suffix, line, spec));
          break;
        }
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String join(String dir, String rel) {
    return dir.isEmpty() ? rel : dir + "/" + rel;
  }

  private static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }
}
