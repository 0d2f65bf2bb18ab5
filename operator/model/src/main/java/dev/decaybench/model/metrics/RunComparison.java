package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.decaybench.model.v1alpha1.RunSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Run B against run A over the tasks present in both (matched by task name). For every group
 * (overall, each level, each framework) the per-task differences d = B - A of the task means give
 * the mean difference and its standard error (sample sd of d / sqrt(tasks); null below two tasks).
 * The A% columns of a row are the means over the same matched tasks, so deltaAPct = aPctB - aPctA.
 *
 * @param onlyInA tasks of run A without a trial in run B (left out of every row)
 * @param onlyInB tasks of run B without a trial in run A
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runA", "runB", "tasksA", "tasksB", "matchedTasks", "onlyInA", "onlyInB",
    "overall", "perLevel", "perFramework"})
public record RunComparison(
    String runA,
    String runB,
    int tasksA,
    int tasksB,
    int matchedTasks,
    List<String> onlyInA,
    List<String> onlyInB,
    Row overall,
    Map<String, Row> perLevel,
    Map<String, Row> perFramework) {

  /** One group's comparison; all percentages 0..100. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"tasks", "aPctA", "aPctB", "deltaAPct", "seAPct", "strictAPctA",
      "strictAPctB", "deltaStrictAPct", "seStrictAPct"})
  public record Row(
      int tasks,
      Double aPctA,
      Double aPctB,
      Double deltaAPct,
      Double seAPct,
      Double strictAPctA,
      Double strictAPctB,
      Double deltaStrictAPct,
      Double seStrictAPct) {}

  /** Compares run B to run A (B - A). */
  public static RunComparison compare(String nameA, Collection<TrialRecord> a, String nameB,
      Collection<TrialRecord> b) {
    Map<String, TaskMetrics> ta = byName(RunMetrics.perTask(a));
    Map<String, TaskMetrics> tb = byName(RunMetrics.perTask(b));
    List<String> matched = ta.keySet().stream().filter(tb::containsKey).toList();
    List<String> onlyA = ta.keySet().stream().filter(t -> !tb.containsKey(t)).toList();
    List<String> onlyB = tb.keySet().stream().filter(t -> !ta.containsKey(t)).toList();

    Map<String, Row> perLevel = new LinkedHashMap<>();
    groupTasks(matched, t -> RunSummary.levelKey(t.level()), perLevel, ta, tb);
    Map<String, Row> perFramework = new LinkedHashMap<>();
    groupTasks(matched, TaskMetrics::framework, perFramework, ta, tb);
    return new RunComparison(nameA, nameB, ta.size(), tb.size(), matched.size(), onlyA, onlyB,
        row(matched, ta, tb), perLevel, perFramework);
  }

  /** Groups the matched tasks by run A's level or framework of each task. */
  private static void groupTasks(List<String> matched, Function<TaskMetrics, String> key, Map<String, Row> out,
      Map<String, TaskMetrics> ta, Map<String, TaskMetrics> tb) {
    Map<String, List<String>> groups = new TreeMap<>();
    matched.forEach(t -> groups.computeIfAbsent(key.apply(ta.get(t)), x -> new ArrayList<>()).add(t));
    groups.forEach((g, tasks) -> out.put(g, row(tasks, ta, tb)));
  }

  private static Row row(List<String> tasks, Map<String, TaskMetrics> ta, Map<String, TaskMetrics> tb) {
    if (tasks.isEmpty()) {
      return new Row(0, null, null, null, null, null, null, null, null);
    }
    RunMetrics.MeanSe a = RunMetrics.meanSe(tasks.stream().map(t -> ta.get(t).aPct()).toList());
    RunMetrics.MeanSe b = RunMetrics.meanSe(tasks.stream().map(t -> tb.get(t).aPct()).toList());
    RunMetrics.MeanSe d = RunMetrics.meanSe(tasks.stream().map(t -> tb.get(t).aPct() - ta.get(t).aPct()).toList());
    RunMetrics.MeanSe sa = RunMetrics.meanSe(tasks.stream().map(t -> ta.get(t).strictAPct()).toList());
    RunMetrics.MeanSe sb = RunMetrics.meanSe(tasks.stream().map(t -> tb.get(t).strictAPct()).toList());
    RunMetrics.MeanSe sd = RunMetrics.meanSe(
        tasks.stream().map(t -> tb.get(t).strictAPct() - ta.get(t).strictAPct()).toList());
    return new Row(tasks.size(), a.mean(), b.mean(), d.mean(), d.se(), sa.mean(), sb.mean(), sd.mean(), sd.se());
  }

  private static Map<String, TaskMetrics> byName(List<TaskMetrics> tasks) {
    Map<String, TaskMetrics> out = new TreeMap<>();
    tasks.forEach(t -> out.put(t.task(), t));
    return out;
  }
}
