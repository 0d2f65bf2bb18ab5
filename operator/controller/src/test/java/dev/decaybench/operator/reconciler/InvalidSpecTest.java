package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.decaybench.model.crd.CrdSchemaValidator;
import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Crds;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bad-manifest corpus of operator/model against the cluster: each manifest is refused by the
 * API server (the CRD schema, or the object rules every resource obeys: a valid name, one kind
 * per document, parseable YAML), or the operator conditions the run Accepted=False with a reason
 * and an event. The operator never crashes: a good run afterwards still completes.
 */
class InvalidSpecTest extends OperatorTestBase {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final java.util.Set<String> OBJECT_META = java.util.Set.of("name",
      "generateName", "namespace", "labels", "annotations", "finalizers", "ownerReferences");
  private static final CrdSchemaValidator SCHEMA = CrdSchemaValidator.forEvaluationRuns();

  @Test
  void everyBadManifestIsRejectedOrConditionedWithAReason() throws Exception {
    startOperator();
    Path dir = Crds.directory().getParent().resolve("operator/model/src/test/resources/manifests/bad");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(30);

    Map<String, String> outcome = new LinkedHashMap<>();
    Map<String, String> created = new LinkedHashMap<>(); // run name -> file
    int n = 0;
    for (Path f : files) {
      String file = f.getFileName().toString();
      String refusal = apiServerRefusal(Files.readString(f));
      if (refusal != null) {
        outcome.put(file, refusal.startsWith("not a cluster error") ? refusal
            : "refused by kubectl or the API server: " + refusal);
        continue;
      }
      JsonNode doc = new YAMLMapper().readTree(Files.readString(f));
      String name = "bad-" + (n++);
      ((ObjectNode) doc.get("metadata")).put("name", name);
      ((ObjectNode) doc.get("metadata")).put("namespace", Runs.NS);
      client.resource(Serialization.unmarshal(doc.toString(), GenericKubernetesResource.class))
          .create();
      created.put(name, file);
    }
    for (Map.Entry<String, String> e : created.entrySet()) {
      Await.until(Duration.ofSeconds(60), e.getValue() + " conditioned Accepted=False",
          () -> accepted(e.getKey()) != null && accepted(e.getKey()).getStatus().equals("False"));
      Condition c = accepted(e.getKey());
      assertThat(c.getReason()).as(e.getValue()).matches("[A-Z][A-Za-z]+");
      assertThat(c.getMessage()).as(e.getValue()).isNotBlank();
      assertThat(Runs.trials(client, e.getKey())).as(e.getValue()).isEmpty();
      assertThat(c.getMessage()).as(e.getValue()).doesNotContain("Exception", "\tat ");
      outcome.put(e.getValue(), "Accepted=False " + c.getReason() + ": " + c.getMessage());
    }
    outcome.forEach((f, o) -> System.out.println("  " + f + " -> " + o));
    assertThat(outcome).hasSize(files.size());
    assertThat(created).as("some reach the operator").hasSizeGreaterThan(10);
    assertThat(client.v1().events().inNamespace(Runs.NS).list().getItems())
        .filteredOn(ev -> ev.getType().equals("Warning")).hasSizeGreaterThanOrEqualTo(created.size());

    // the operator is alive and well
    startKubelet(pod -> new FakeKubelet.Succeed(result(100, true, null), Duration.ofMillis(50)),
        Duration.ofMillis(10));
    create(Runs.reference("good", List.of(Framework.FLASK), List.of("postgres"), 1, 1));
    awaitPhase("good", "Succeeded", Duration.ofSeconds(60));
    assertThat(operator.ready()).isTrue();
  }

  /** Why the API server would refuse this file, or null when it would store the run. */
  static String apiServerRefusal(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try {
      // kubectl refuses duplicate keys too (strict YAML)
      YAMLMapper strict = new YAMLMapper();
      strict.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      Iterator<JsonNode> it = strict.readerFor(JsonNode.class).readValues(yaml);
      while (it.hasNext()) {
        JsonNode d = it.next();
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          docs.add(d);
        }
      }
    } catch (Exception e) {
      return "not parseable YAML: " + e.getMessage().lines().findFirst().orElse("");
    }
    long runs = docs.stream().filter(d -> EvaluationRun.KIND.equals(d.path("kind").asText()))
        .count();
    if (runs > 1) {
      // a rule of the CLI's file format; kubectl applies each document as its own object
      return "not a cluster error: one run per file is the CLI's rule, kubectl applies each of"
          + " the " + runs + " documents";
    }
    if (docs.size() != 1) {
      return docs.isEmpty() ? "no object" : "no EvaluationRun among " + docs.size()
          + " documents";
    }
    JsonNode doc = docs.get(0);
    if (!doc.isObject() || !EvaluationRun.KIND.equals(doc.path("kind").asText())
        || !EvaluationRun.API_VERSION.equals(doc.path("apiVersion").asText())) {
      return "not an " + EvaluationRun.API_VERSION + " EvaluationRun";
    }
    String name = doc.path("metadata").path("name").asText("");
    if (name.isEmpty() || name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
      return "invalid metadata.name '" + name + "'";
    }
    JsonNode meta = doc.path("metadata");
    for (String field : (Iterable<String>) meta::fieldNames) {
      if (!OBJECT_META.contains(field)) {
        return "unknown field metadata." + field + " (kubectl's strict field validation)";
      }
    }
    for (String map : List.of("labels", "annotations")) {
      for (JsonNode v : meta.path(map)) {
        if (!v.isTextual()) {
          return "metadata." + map + " values must be strings";
        }
      }
    }
    List<String> problems = SCHEMA.validate(doc);
    return problems.isEmpty() ? null : "CRD schema: " + problems.get(0);
  }

  /** Read generically: the test's own client would choke on repeats: 99999999999. */
  private Condition accepted(String run) {
    GenericKubernetesResource r = client.genericKubernetesResources(EvaluationRun.API_VERSION,
        EvaluationRun.KIND).inNamespace(Runs.NS).withName(run).get();
    Object status = r == null ? null : r.getAdditionalProperties().get("status");
    if (status == null) {
      return null;
    }
    EvaluationRunStatus st = Serialization.unmarshal(Serialization.asJson(status),
        EvaluationRunStatus.class);
    return Conditions.find(st.getConditions(), Condition.ACCEPTED).orElse(null);
  }
}
