package dev.decaybench.runner.classify.evaluation;

import dev.decaybench.runner.classify.facts.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A confusion matrix as aligned text; labels with no expected and no predicted case are left out. */
final class ConfusionMatrix {

  private ConfusionMatrix() {}

  static <T> String render(List<T> items, Function<T, String> expected, Function<T, String> predicted,
      List<String> order) {
    List<String> labels = new ArrayList<>();
    for (String l : order) {
      if (items.stream().anyMatch(i -> l.equals(expected.apply(i)) || l.equals(predicted.apply(i)))) {
        labels.add(l);
      }
    }
    for (T i : items) {
      for (String l : List.of(String.valueOf(expected.apply(i)), String.valueOf(predicted.apply(i)))) {
        if (!labels.contains(l)) {
          labels.add(l);
        }
      }
    }
    Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
    for (T i : items) {
      m.computeIfAbsent(String.valueOf(expected.apply(i)), k -> new LinkedHashMap<>())
          .merge(String.valueOf(predicted.apply(i)), 1, Integer::sum);
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("  %-26s", ""));
    for (int c = 0; c < labels.size(); c++) {
      sb.append(String.format(" %4s", "c" + c));
    }
    sb.append('\n');
    for (int r = 0; r < labels.size(); r++) {
      String row = labels.get(r);
      sb.append(String.format("  %-26s", "c" + r + " " + Facts.clip(row, 22)));
      for (String col : labels) {
        int v = m.getOrDefault(row, Map.of()).getOrDefault(col, 0);
        sb.append(String.format(" %4s", v == 0 ? "." : Integer.toString(v)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
