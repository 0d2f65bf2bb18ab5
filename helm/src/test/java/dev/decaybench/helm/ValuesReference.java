package dev.decaybench.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The values reference of docs/install.md, generated from values.schema.json (keys, types,
 * constraints, descriptions) and values.yaml (defaults). An object is one row unless its
 * properties have descriptions of their own, in which case each property gets a row.
 */
final class ValuesReference {

  static final String BEGIN = "<!-- values-table:begin (generated from helm/decaybench/values.schema.json"
      + " by ValuesReference; InstallDocTest -Ddecaybench.writeDocs=true rewrites it) -->";
  static final String END = "<!-- values-table:end -->";

  private final JsonNode schema;
  private final JsonNode defaults;

  private ValuesReference(JsonNode schema, JsonNode defaults) {
    this.schema = schema;
    this.defaults = defaults;
  }

  static ValuesReference ofChart() {
    try {
      return new ValuesReference(Chart.JSON.readTree(Chart.dir().resolve("values.schema.json")
          .toFile()), Chart.YAML.readTree(Chart.dir().resolve("values.yaml").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Markdown table, markers included. */
  String table() {
    StringBuilder sb = new StringBuilder(BEGIN).append('\n');
    sb.append("| value | type | default | description |\n|---|---|---|---|\n");
    List<String[]> rows = new ArrayList<>();
    walk("", schema, defaults, rows);
    for (String[] r : rows) {
      sb.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ").append(r[2])
          .append(" | ").append(r[3]).append(" |\n");
    }
    return sb.append(END).toString();
  }

  /** {@code doc} with its table replaced by the current one. */
  String update(String doc) {
    int b = doc.indexOf(BEGIN);
    int e = doc.indexOf(END);
    if (b < 0 || e < b) {
      throw new IllegalStateException("no values table markers in the document");
    }
    return doc.substring(0, b) + table() + doc.substring(e + END.length());
  }

  private void walk(String prefix, JsonNode node, JsonNode value, List<String[]> rows) {
    JsonNode props = resolve(node).path("properties");
    Iterator<Map.Entry<String, JsonNode>> it = props.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("global")) {
        continue;
      }
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode prop = e.getValue();
      JsonNode resolved = resolve(prop);
      JsonNode v = value == null ? MissingNode.getInstance() : value.path(e.getKey());
      if (describedChildren(resolved)) {
        walk(key, resolved, v, rows);
      } else {
        rows.add(new String[] {key, type(resolved), def(v), description(prop, resolved)});
      }
    }
  }

  private boolean describedChildren(JsonNode s) {
    Iterator<JsonNode> it = s.path("properties").elements();
    while (it.hasNext()) {
      JsonNode child = it.next();
      if (child.has("description") || resolve(child).path("properties").size() > 0
          && describedChildren(resolve(child))) {
        return true;
      }
    }
    return false;
  }

  private JsonNode resolve(JsonNode s) {
    String ref = s.path("$ref").asText("");
    if (ref.startsWith("#/definitions/")) {
      return schema.path("definitions").path(ref.substring("#/definitions/".length()));
    }
    return s;
  }

  private static String type(JsonNode s) {
    StringBuilder t = new StringBuilder();
    JsonNode type = s.path("type");
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(x -> types.add(x.asText()));
      t.append(String.join(" or ", types));
    } else {
      t.append(type.asText("object"));
    }
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      s.path("enum").forEach(x -> values.add("`" + x.asText() + "`"));
      t.append(": ").append(String.join(", ", values));
    }
    if (s.has("minimum") && !type.isArray()) {
      t.append(", ≥ ").append(s.path("minimum").asText());
    }
    if (s.has("maximum")) {
      t.append(", ≤ ").append(s.path("maximum").asText());
    }
    return t.toString();
  }

  private static String def(JsonNode v) {
    if (v.isMissingNode() || v.isNull()) {
      return "";
    }
    String text = v.isTextual() ? "\"" + v.asText() + "\"" : v.toString();
    return "`" + text.replace("|", "\\|") + "`";
  }

  private static String description(JsonNode prop, JsonNode resolved) {
    String d = prop.path("description").asText(resolved.path("description").asText(""));
    return d.replace("|", "\\|").replace("\n", " ");
  }

  static Path installDoc() {
    return Chart.repoRoot().resolve("docs/install.md");
  }

  /** Rewrites docs/install.md's table (used by InstallDocTest with -Ddecaybench.writeDocs=true). */
  static void write() {
    try {
      Path doc = installDoc();
      Files.writeString(doc, ofChart().update(Files.readString(doc)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
