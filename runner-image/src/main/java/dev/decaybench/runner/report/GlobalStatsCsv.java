package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.model.metrics.RunMetrics;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.runner.task.Frameworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code global_stats.csv} with exactly the paper's columns and scales (fractions 0..1, four
 * decimals): rows per framework, framework x level, runtime ({@code uv} for the Python frameworks,
 * {@code node} for the Node ones), runtime x level, the whole run ({@code global,all}), level,
 * constraint ({@code constraint_type}: trials whose task has it) and framework x constraint
 * ({@code framework_constraint}, group {@code fw:constraint}). The columns are named for k = 3, so
 * pass_at_3 and pass_power_3 always use k = 3 whatever the run's repeats.
 */
public final class GlobalStatsCsv {

  public static final String HEADER = "agent,model,granularity,group,n_constraints,pass_at_1,pass_at_3,"
      + "pass_power_3,passed_assertions_perc,strict_assertions_perc,n_succeeded,n_executed";
  public static final String FILE_NAME = "global_stats.csv";

  private static final int K = 3;

  private GlobalStatsCsv() {}

  /** The CSV text (header plus one line per non-empty group). */
  public static String render(String agent, String model, List<TrialRecord> trials) {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    List<String[]> rows = new ArrayList<>();
    addGroups(rows, "framework", trials, t -> nonNull(t.framework()));
    addGroups(rows, "runtime", trials, GlobalStatsCsv::runtime);
    addGroups(rows, "global", trials, t -> "all");
    TreeSet<String> constraints = new TreeSet<>();
    trials.forEach(t -> constraints.addAll(constraintsOf(t)));
    for (String c : constraints) {
      List<TrialRecord> with = trials.stream().filter(t -> constraintsOf(t).contains(c)).toList();
      rows.add(row("constraint_type", c, null, with));
    }
    Map<String, List<TrialRecord>> fwc = new TreeMap<>();
    for (TrialRecord t : trials) {
      for (String c : new TreeSet<>(constraintsOf(t))) {
        fwc.computeIfAbsent(nonNull(t.framework()) + ":" + c, x -> new ArrayList<>()).add(t);
      }
    }
    fwc.forEach((g, ts) -> rows.add(row("framework_constraint", g, null, ts)));
    for (String[] r : rows) {
      out.append(csv(agent)).append(',').append(csv(model));
      for (String cell : r) {
        out.append(',').append(cell);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void addGroups(List<String[]> rows, String granularity, List<TrialRecord> trials,
      Function<TrialRecord, String> key) {
    Map<String, List<TrialRecord>> groups = new TreeMap<>();
    trials.forEach(t -> {
      String k = key.apply(t);
      if (k != null) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
      }
    });
    groups.forEach((g, ts) -> rows.add(row(granularity, g, null, ts)));
    groups.forEach((g, ts) -> {
      Map<Integer, List<TrialRecord>> levels = new TreeMap<>();
      ts.forEach(t -> levels.computeIfAbsent(t.level(), x -> new ArrayList<>()).add(t));
      levels.forEach((l, lts) -> rows.add(row(granularity, g, l, lts)));
    });
  }

  private static String[] row(String granularity, String group, Integer level, List<TrialRecord> trials) {
    GroupMetrics m = RunMetrics.group(trials, K);
    return new String[] {granularity, csv(group), level == null ? "" : level.toString(),
        frac(m.value(Metric.PASS_AT_1)), frac(m.value(Metric.PASS_AT_K)), frac(m.value(Metric.PASS_HAT_K)),
        frac(fraction(m.value(Metric.A_PCT))), frac(fraction(m.value(Metric.STRICT_A_PCT))),
        Integer.toString(m.successes()), Integer.toString(m.trials())};
  }

  /** {@code uv} for the Python frameworks, {@code node} for the Node ones, null for others. */
  static String runtime(TrialRecord t) {
    if (t.framework() == null || !Frameworks.known(t.framework())) {
      return null;
    }
    return Frameworks.byId(t.framework()).family();
  }

  private static List<String> constraintsOf(TrialRecord t) {
    return t.constraints() == null ? List.of() : t.constraints();
  }

  private static String nonNull(String s) {
    return s == null ? "unknown" : s;
  }

  private static Double fraction(Double percent) {
    return percent == null ? null : percent / 100;
  }

  private static String frac(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
