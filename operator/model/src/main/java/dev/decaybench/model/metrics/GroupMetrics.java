package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.v1alpha1.GroupSummary;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one group of trials (the whole run, a level, a framework, ...): its counts and
 * one value per {@link Metric} (null when the group is empty or no task has one). In JSON a flat
 * object, the counts then each metric under its key, in declaration order.
 *
 * @param tasks distinct tasks in the group
 * @param trials trials in the group
 * @param successes trials with every assertion and every paper verifier passing
 * @param values the metrics that have a value
 */
public record GroupMetrics(int tasks, int trials, int successes, Map<Metric, Double> values) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public GroupMetrics {
    EnumMap<Metric, Double> present = new EnumMap<>(Metric.class);
    values.forEach((m, v) -> {
      if (v != null) {
        present.put(m, v);
      }
    });
    values = Collections.unmodifiableMap(present);
  }

  /** A group without trials: no values. */
  public static GroupMetrics empty() {
    return new GroupMetrics(0, 0, 0, Map.of());
  }

  /** The metric's value, null when the group has none. */
  public Double value(Metric metric) {
    return values.get(metric);
  }

  /** The group as the CRD status shows it: its metrics shown there, rounded to 4 decimals. */
  public GroupSummary toGroupSummary() {
    return fillStatus(new GroupSummary());
  }

  /**
   * Writes the counts and the metrics {@link Metric.Shown#STATUS shown in the status} into
   * {@code summary}'s fields of the same names (a GroupSummary, or the RunSummary of the whole
   * run).
   */
  public <T extends GroupSummary> T fillStatus(T summary) {
    summary.setTrials(trials);
    summary.setSuccesses(successes);
    Map<String, Double> shown = new LinkedHashMap<>();
    Metric.listedIn(Metric.Shown.STATUS)
        .forEach(m -> shown.put(m.key(), RunMetrics.round4(value(m))));
    try {
      return JSON.updateValue(summary, shown);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new IllegalStateException("a status metric without its field: " + e.getMessage(), e);
    }
  }

  @JsonValue
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tasks", tasks);
    json.put("trials", trials);
    json.put("successes", successes);
    values.forEach((m, v) -> json.put(m.key(), v));
    return json;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static GroupMetrics fromJson(Map<String, Object> json) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      if (json.get(m.key()) instanceof Number n) {
        values.put(m, n.doubleValue());
      }
    }
    return new GroupMetrics(count(json, "tasks"), count(json, "trials"),
        count(json, "successes"), values);
  }

  private static int count(Map<String, Object> json, String key) {
    return json.get(key) instanceof Number n ? n.intValue() : 0;
  }
}
