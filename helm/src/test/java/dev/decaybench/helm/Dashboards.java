package dev.decaybench.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Grafana dashboards of the chart (helm/decaybench/dashboards/*.json) and their queries. */
public final class Dashboards {

  /** One PromQL query of a dashboard: a panel target or a template variable's query. */
  public record Query(String dashboard, String panel, String refId, String expr) {
    @Override
    public String toString() {
      return dashboard + " / " + panel + " / " + refId + ": " + expr;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring",
      "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\)$");

  private Dashboards() {}

  static Path dir() {
    return Chart.dir().resolve("dashboards");
  }

  static List<Path> files() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + " is not JSON", e);
    }
  }

  /** Every panel, rows' nested panels included (rows themselves excluded). */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      if ("row".equals(p.path("type").asText())) {
        p.path("panels").forEach(out::add);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Every query of every dashboard: panel targets and query variables (as PromQL selectors). */
  public static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    for (Path f : files()) {
      JsonNode d = read(f);
      String name = f.getFileName().toString();
      for (JsonNode p : panels(d)) {
        for (JsonNode t : p.path("targets")) {
          out.add(new Query(name, p.path("title").asText(), t.path("refId").asText(),
              t.path("expr").asText()));
        }
      }
      for (JsonNode v : d.path("templating").path("list")) {
        if ("query".equals(v.path("type").asText())) {
          String q = v.path("query").isObject() ? v.path("query").path("query").asText()
              : v.path("query").asText();
          Matcher m = LABEL_VALUES.matcher(q.strip());
          out.add(new Query(name, "variable " + v.path("name").asText(), "var",
              m.matches() ? m.group(1) : q));
        }
      }
    }
    return out;
  }

  /**
   * The query as Grafana would send it with every variable at "All" and a 30 s rate window:
   * $namespace and $run become .+ (their allValue), $__rate_interval 30s, $__range 1h.
   */
  public static String forPrometheus(String expr) {
    return expr.replace("$__rate_interval", "30s").replace("$__interval", "5s")
        .replace("$__range", "1h").replace("$namespace", ".+").replace("$run", ".+");
  }

  /** The metric names a PromQL expression reads. */
  public static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
        .replaceAll("\\{[^}]*}", " ") // label matchers
        .replaceAll("\\[[^]]*]", " ") // range selectors
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
    while (m.find()) {
      String id = m.group();
      int after = m.end();
      while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
        after++;
      }
      boolean function = after < s.length() && s.charAt(after) == '(';
      boolean numberPart = m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1))
          || s.charAt(m.start() - 1) == '.');
      if (!function && !numberPart && !KEYWORDS.contains(id.toLowerCase())) {
        names.add(id);
      }
    }
    return names;
  }
}
