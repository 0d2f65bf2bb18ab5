package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.v1alpha1.GroupSummary;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.UsageSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link RunMetrics#compute} derives from a run's trials. Map keys: levels
 * {@code L0..L3}, frameworks by name, deltas {@code L0->L1}, {@code L1->L2}, {@code L2->L3},
 * {@code L0->L3} (A% at the later level minus A% at the earlier one: negative means decay).
 *
 * @param k the k of pass@k and pass^k (the run's repeats)
 * @param overall the whole run
 * @param perLevel per constraint level
 * @param perFramework per framework
 * @param perFrameworkLevel framework, then level
 * @param deltaAPct constraint decay of A% between level means
 * @param deltaStrictAPct the same for strict A%
 * @param deltaAPctPerFramework constraint decay of A% inside each framework
 * @param marginalEffects one entry per constraint with at least one matched pair
 * @param failures the failure taxonomy over failed trials
 * @param tasks per task: n, c and mean scores
 * @param usage what the trials cost, overall and per level, framework and variant (run.json
 *     writes it beside the metrics, as {@code usage})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"k", "overall", "perLevel", "perFramework", "perFrameworkLevel", "deltaAPct",
    "deltaStrictAPct", "deltaAPctPerFramework", "marginalEffects", "failures", "tasks"})
public record RunMetricsReport(
    int k,
    GroupMetrics overall,
    Map<String, GroupMetrics> perLevel,
    Map<String, GroupMetrics> perFramework,
    Map<String, Map<String, GroupMetrics>> perFrameworkLevel,
    Map<String, Double> deltaAPct,
    Map<String, Double> deltaStrictAPct,
    Map<String, Map<String, Double>> deltaAPctPerFramework,
    List<MarginalEffect> marginalEffects,
    FailureBreakdown failures,
    List<TaskMetrics> tasks,
    @JsonIgnore UsageReport usage) {

  /**
   * The part of the report the EvaluationRun status carries (values rounded to 4 decimals; maps
   * bounded by levels, frameworks and the taxonomy, never by the number of trials).
   */
  public RunSummary toRunSummary() {
    RunSummary s = overall.fillStatus(new RunSummary());
    s.setK(k);
    Map<String, Double> deltas = new LinkedHashMap<>();
    deltaAPct.forEach((key, v) -> deltas.put(key, RunMetrics.round4(v)));
    s.setDeltaAPct(deltas);
    s.setPerLevel(summaries(perLevel));
    s.setPerFramework(summaries(perFramework));
    s.setFailureClasses(new LinkedHashMap<>(failures.byClass()));
    s.setFailureSubcategories(new LinkedHashMap<>(failures.bySubcategory()));
    s.setDataLayerShare(RunMetrics.round4(failures.dataLayerShare()));
    if (usage != null) {
      s.setUsage(usage.overall().toUsageSummary());
      s.getPerLevel().forEach((key, g) -> g.setUsage(usageOf(usage.perLevel(), key)));
      s.getPerFramework().forEach((key, g) -> g.setUsage(usageOf(usage.perFramework(), key)));
      Map<String, UsageSummary> perVariant = UsageReport.summaries(usage.perVariant());
      s.setUsagePerVariant(perVariant.isEmpty() ? null : perVariant);
    }
    return s;
  }

  private static UsageSummary usageOf(Map<String, RunUsage> groups, String key) {
    RunUsage u = groups.get(key);
    return u == null ? null : u.toUsageSummary();
  }

  private static Map<String, GroupSummary> summaries(Map<String, GroupMetrics> groups) {
    Map<String, GroupSummary> out = new LinkedHashMap<>();
    groups.forEach((key, g) -> out.put(key, g.toGroupSummary()));
    return out;
  }
}
