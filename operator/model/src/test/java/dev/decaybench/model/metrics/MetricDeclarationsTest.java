package dev.decaybench.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.decaybench.model.v1alpha1.GroupSummary;
import dev.decaybench.model.v1alpha1.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every metric is declared once (Metric) and every place that shows metrics follows it. */
class MetricDeclarationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> GROUP_COUNTS = Set.of("trials", "successes", "usage");

  private static List<TrialRecord> trials() {
    List<TrialRecord> out = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      out.add(new TrialRecord("flask-u__r" + r, "flask-u", "flask", 0, List.of(), r, 80.0 + r,
          70.0, 60.0, r == 0, 9, 10, null, null, false, 1000));
      out.add(new TrialRecord("flask-p__r" + r, "flask-p", "flask", 1, List.of("postgres"), r,
          50.0, 50.0, null, false, null, null, "logic_error", null, false, 1000));
    }
    return out;
  }

  @Test
  void theStatusHasAFieldForEveryMetricDeclaredForItAndNoOtherMetricField() {
    Set<String> declared = Metric.listedIn(Metric.Shown.STATUS).stream().map(Metric::key)
        .collect(Collectors.toSet());
    for (Class<?> type : List.of(GroupSummary.class, RunSummary.class)) {
      BeanDescription bean = JSON.getSerializationConfig()
          .introspect(JSON.constructType(type));
      Set<String> metricFields = bean.findProperties().stream()
          .filter(p -> p.getRawPrimaryType() == Double.class)
          .map(BeanPropertyDefinition::getName)
          .filter(n -> !GROUP_COUNTS.contains(n) && !n.equals("dataLayerShare"))
          .collect(Collectors.toSet());
      assertThat(metricFields).as(type.getSimpleName()).isEqualTo(declared);
    }
  }

  @Test
  void aGroupCarriesEveryDeclaredMetricInDeclarationOrderAndTheStatusRoundsTheShownOnes() {
    GroupMetrics all = RunMetrics.group(trials(), 3);
    JsonNode json = JSON.valueToTree(all);

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(List.of("tasks", "trials", "successes", "aPct",
        "strictAPct", "strictAPctPlus", "extendedPct", "passAt1", "passAtK", "passHatK"));
    assertThat(fields.subList(3, fields.size()))
        .containsExactlyElementsOf(Arrays.stream(Metric.values()).map(Metric::key).toList());
    assertThat(JSON.convertValue(json, GroupMetrics.class)).isEqualTo(all);

    GroupSummary status = all.toGroupSummary();
    assertThat(status.getTrials()).isEqualTo(6);
    assertThat(status.getAPct()).isEqualTo(RunMetrics.round4(all.value(Metric.A_PCT)));
    assertThat(status.getPassAt1()).isCloseTo(1.0 / 6, within(1e-4));
    JsonNode shown = JSON.valueToTree(status);
    for (Metric m : Metric.values()) {
      assertThat(shown.has(m.key())).as(m.key()).isEqualTo(m.shownIn(Metric.Shown.STATUS));
    }
  }

  @Test
  void aMetricNoTaskHasIsLeftOutNotZero() {
    GroupMetrics level1 = RunMetrics.compute(trials()).perLevel().get("L1");

    assertThat(level1.value(Metric.STRICT_A_PCT_PLUS)).isNull();
    assertThat(level1.value(Metric.EXTENDED_PCT)).isNull();
    assertThat(JSON.valueToTree(level1).has("strictAPctPlus")).isFalse();
    assertThat(RunMetrics.group(List.of(), 3)).isEqualTo(GroupMetrics.empty());
  }

  @Test
  void everyMetricIsDocumentedInDocsMetrics() throws Exception {
    Path docs = Path.of("").toAbsolutePath();
    while (!Files.exists(docs.resolve("docs/metrics.md"))) {
      docs = docs.getParent();
    }
    String text = Files.readString(docs.resolve("docs/metrics.md"));
    for (Metric m : Metric.values()) {
      assertThat(text).as(m.key()).contains("| `" + m.key() + "` | " + m.title(3)
          .replace("3", "k") + " |");
    }
  }
}
