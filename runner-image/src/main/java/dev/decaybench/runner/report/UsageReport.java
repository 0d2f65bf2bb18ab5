package dev.decaybench.runner.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.api.v1alpha1.RunSummary;
import dev.decaybench.api.v1alpha1.TokenPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * run.json's {@code usage}: what the counted trials cost, for the whole run and per level
 * ({@code L0..L3}, the metrics' keys), framework and variant, so that cost sits next to A%.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"overall", "perLevel", "perFramework", "perVariant"})
public record UsageReport(RunUsage overall, Map<String, RunUsage> perLevel,
    Map<String, RunUsage> perFramework, Map<String, RunUsage> perVariant) {

  static UsageReport of(List<TrialEntry> trials, TokenPrice price) {
    List<TrialEntry> counted = trials.stream().filter(TrialEntry::counted).toList();
    return new UsageReport(usage(counted, price),
        groups(counted, price, t -> RunSummary.levelKey(t.record().level())),
        groups(counted, price, t -> t.record().framework()),
        groups(counted, price, t -> t.record().variant()));
  }

  private static Map<String, RunUsage> groups(List<TrialEntry> counted, TokenPrice price,
      Function<TrialEntry, String> key) {
    Map<String, List<TrialEntry>> by = new TreeMap<>();
    counted.forEach(t -> by.computeIfAbsent(String.valueOf(key.apply(t)), k -> new ArrayList<>()).add(t));
    Map<String, RunUsage> out = new TreeMap<>();
    by.forEach((k, ts) -> out.put(k, usage(ts, price)));
    return out;
  }

  private static RunUsage usage(List<TrialEntry> ts, TokenPrice price) {
    return RunUsage.of(ts.stream().map(t -> new RunUsage.Counted(TrialUsage.of(t, price), t.record().success()))
        .toList());
  }
}
