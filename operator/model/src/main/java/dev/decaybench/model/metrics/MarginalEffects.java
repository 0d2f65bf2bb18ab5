package dev.decaybench.model.metrics;

import dev.decaybench.model.v1alpha1.ConstraintVariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A constraint's marginal effect: the mean A% difference over matched pairs of variants of one
 * framework that differ only by that constraint (and postgres against sqlite, everything else
 * equal). Part of {@link RunMetrics}, kept apart because it pairs variants rather than folding trials.
 */
final class MarginalEffects {

  /** The constraints in their own order, the pooled ORM effect before the two ORMs. */
  private static final List<String> EFFECT_ORDER = List.of(ConstraintVariant.CLEAN_ARCHITECTURE,
      ConstraintVariant.POSTGRES, ConstraintVariant.SQLITE, "orm", ConstraintVariant.SQLALCHEMY,
      ConstraintVariant.SEQUELIZE);

  private MarginalEffects() {}

  /** A% and strict A% of one (framework, constraint set) cell: mean over its tasks. */
  private record Cell(String variant, double aPct, double strictAPct) {}

  /** The effects of a run, from its per-task metrics ({@link RunMetrics#perTask}). */
  static List<MarginalEffect> of(List<TaskMetrics> perTask) {
    // framework -> constraint set -> cell
    Map<String, Map<Set<String>, Cell>> cells = new TreeMap<>();
    Map<String, Map<Set<String>, List<TaskMetrics>>> byCell = new TreeMap<>();
    for (TaskMetrics t : perTask) {
      byCell.computeIfAbsent(t.framework(), f -> new LinkedHashMap<>())
          .computeIfAbsent(Set.copyOf(t.constraints()), c -> new ArrayList<>()).add(t);
    }
    byCell.forEach((fw, m) -> {
      Map<Set<String>, Cell> fwCells = new LinkedHashMap<>();
      m.forEach((set, tasks) -> fwCells.put(set, new Cell(RunMetrics.variantName(tasks.get(0).constraints()),
          RunMetrics.mean(tasks, TaskMetrics::aPct), RunMetrics.mean(tasks, TaskMetrics::strictAPct))));
      cells.put(fw, fwCells);
    });

    Set<String> constraints = new TreeSet<>();
    cells.values().forEach(m -> m.keySet().forEach(constraints::addAll));
    List<String> order = new ArrayList<>();
    for (String e : EFFECT_ORDER) {
      if (constraints.contains(e) || (e.equals("orm") && constraints.stream().anyMatch(RunMetrics.ORM_CONSTRAINTS::contains))) {
        order.add(e);
      }
    }
    constraints.stream().filter(c -> !order.contains(c)).forEach(order::add);

    List<MarginalEffect> out = new ArrayList<>();
    for (String effect : order) {
      Predicate<String> adds = effect.equals("orm") ? RunMetrics.ORM_CONSTRAINTS::contains : effect::equals;
      List<MatchedPair> pairs = new ArrayList<>();
      cells.forEach((fw, m) -> sortedSets(m).forEach(with -> {
        for (String c : with) {
          if (adds.test(c)) {
            Set<String> without = new HashSet<>(with);
            without.remove(c);
            Cell base = m.get(without);
            if (base != null) {
              pairs.add(pair(fw, base, m.get(with)));
            }
          }
        }
      }));
      String comparison = effect.equals("orm")
          ? "X + ORM (sqlalchemy or sequelize) - X, same framework"
          : "X + " + effect + " - X, same framework";
      addEffect(out, effect, comparison, pairs);
    }
    // The database constraint is postgres OR sqlite: compare the two with everything else equal.
    List<MatchedPair> swaps = new ArrayList<>();
    cells.forEach((fw, m) -> sortedSets(m).forEach(withPg -> {
      if (withPg.contains("postgres") && !withPg.contains("sqlite")) {
        Set<String> withSqlite = new HashSet<>(withPg);
        withSqlite.remove("postgres");
        withSqlite.add("sqlite");
        Cell sqlite = m.get(withSqlite);
        if (sqlite != null) {
          swaps.add(pair(fw, m.get(withPg), sqlite));
        }
      }
    }));
    addEffect(out, "sqlite_vs_postgres", "X + sqlite - X + postgres, same framework", swaps);
    return out;
  }

  private static List<Set<String>> sortedSets(Map<Set<String>, Cell> m) {
    return m.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<Set<String>, Cell> e) -> e.getKey().size())
            .thenComparing(e -> e.getValue().variant()))
        .map(Map.Entry::getKey).toList();
  }

  private static MatchedPair pair(String fw, Cell without, Cell with) {
    return new MatchedPair(fw, without.variant(), with.variant(), without.aPct(), with.aPct(),
        without.strictAPct(), with.strictAPct());
  }

  private static void addEffect(List<MarginalEffect> out, String effect, String comparison, List<MatchedPair> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    RunMetrics.MeanSe a = RunMetrics.meanSe(pairs.stream().map(MatchedPair::aPctDiff).toList());
    RunMetrics.MeanSe s = RunMetrics.meanSe(pairs.stream().map(MatchedPair::strictAPctDiff).toList());
    out.add(new MarginalEffect(effect, comparison, pairs.size(), a.mean(), a.se(), s.mean(), s.se(),
        List.copyOf(pairs)));
  }
}
