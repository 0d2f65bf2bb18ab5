package dev.decaybench.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chart under test (helm/decaybench) and its rendering with helm-java's bundled helm: values
 * as a YAML string (for lists and maps) plus {@code --set} pairs; the output as parsed objects.
 */
public final class Chart {

  public static final String RELEASE = "bench";
  public static final String NAMESPACE = "decaybench-system";
  /** The Kubernetes version templates are rendered for (native sidecars need 1.29). */
  public static final String KUBE_VERSION = "1.31.0";

  static final ObjectMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();

  private Chart() {}

  /** The repository root (the directory with crds/ and helm/). */
  public static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("crds"))
        && Files.isDirectory(dir.resolve("helm")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  public static Path dir() {
    return repoRoot().resolve("helm/decaybench");
  }

  /** Renders with the default values. */
  public static Rendered render() {
    return render("", Map.of());
  }

  /** Renders with {@code valuesYaml} (may be empty) and {@code --set} pairs. */
  public static Rendered render(String valuesYaml, Map<String, Object> sets) {
    return new Rendered(template(valuesYaml, sets));
  }

  /** The raw output of helm template; throws IllegalStateException with helm's message. */
  public static String template(String valuesYaml, Map<String, Object> sets) {
    TemplateCommand cmd = new Helm(dir()).template().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION);
    Path values = null;
    try {
      if (!valuesYaml.isBlank()) {
        values = Files.createTempFile("decaybench-values", ".yaml");
        Files.writeString(values, valuesYaml);
        cmd.withValuesFile(values);
      }
      for (Map.Entry<String, Object> e : sets.entrySet()) {
        cmd.set(e.getKey(), e.getValue());
      }
      return cmd.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (values != null) {
        try {
          Files.deleteIfExists(values);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  /** The objects of one rendering. */
  public static final class Rendered {
    private final String text;
    private final List<ObjectNode> objects = new ArrayList<>();

    Rendered(String text) {
      this.text = text;
      try {
        var parser = new YAMLFactory().createParser(text);
        var it = YAML.readValues(parser, JsonNode.class);
        while (it.hasNext()) {
          JsonNode n = it.next();
          if (n != null && n.isObject() && n.has("kind")) {
            objects.add((ObjectNode) n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("rendered YAML does not parse:\n" + text, e);
      }
    }

    public String text() {
      return text;
    }

    public List<ObjectNode> all() {
      return objects;
    }

    public List<ObjectNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    public ObjectNode one(String kind) {
      List<ObjectNode> found = ofKind(kind);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + kind + ", found " + found.size() + ": "
            + kinds());
      }
      return found.get(0);
    }

    public Optional<ObjectNode> find(String kind, String name) {
      return ofKind(kind).stream()
          .filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    public List<String> kinds() {
      return objects.stream().map(o -> o.path("kind").asText() + "/"
          + o.path("metadata").path("namespace").asText("") + "/"
          + o.path("metadata").path("name").asText()).sorted().collect(Collectors.toList());
    }

    /** A typed copy of an object (fabric8 model), e.g. Deployment.class. */
    public <T> T as(ObjectNode node, Class<T> type) {
      return JSON.convertValue(node, type);
    }
  }
}
