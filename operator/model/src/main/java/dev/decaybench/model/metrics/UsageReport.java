package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.model.v1alpha1.UsageSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the counted trials cost, for the whole run and per level ({@code L0..L3}, the metrics'
 * keys), framework and variant, so that cost sits next to A%: run.json's {@code usage} and the
 * run status's usage. Part of {@link RunMetrics#compute}, the one aggregation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"overall", "perLevel", "perFramework", "perVariant"})
public record UsageReport(RunUsage overall, Map<String, RunUsage> perLevel,
    Map<String, RunUsage> perFramework, Map<String, RunUsage> perVariant) {

  /** Over the counted trials (the records the metrics use), each priced at {@code price}. */
  public static UsageReport of(List<TrialRecord> counted, TokenPrice price) {
    return new UsageReport(RunUsage.of(counted, price),
        groups(counted, price, t -> RunSummary.levelKey(t.level())),
        groups(counted, price, RunMetrics::framework),
        groups(counted, price, TrialRecord::variant));
  }

  /** Per group, as the CRD status shows it; groups with nothing known are left out. */
  public static Map<String, UsageSummary> summaries(Map<String, RunUsage> groups) {
    Map<String, UsageSummary> out = new LinkedHashMap<>();
    groups.forEach((k, u) -> {
      UsageSummary s = u.toUsageSummary();
      if (s != null) {
        out.put(k, s);
      }
    });
    return out;
  }

  private static Map<String, RunUsage> groups(List<TrialRecord> counted, TokenPrice price,
      Function<TrialRecord, String> key) {
    Map<String, List<TrialRecord>> by = new TreeMap<>();
    counted.forEach(t -> by.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t));
    Map<String, RunUsage> out = new TreeMap<>();
    by.forEach((k, ts) -> out.put(k, RunUsage.of(ts, price)));
    return out;
  }
}
