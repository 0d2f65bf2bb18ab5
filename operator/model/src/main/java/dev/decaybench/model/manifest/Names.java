package dev.decaybench.model.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Helpers for human messages: enum names as written in manifests, "did you mean". */
final class Names {

  private Names() {}

  /** The values an enum accepts in a manifest (its {@code @JsonProperty} names). */
  static List<String> enumValues(Class<?> enumType) {
    List<String> values = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      String value = name;
      try {
        JsonProperty prop = enumType.getField(name).getAnnotation(JsonProperty.class);
        if (prop != null && !prop.value().isEmpty()) {
          value = prop.value();
        }
      } catch (NoSuchFieldException e) {
        // keep the constant's name
      }
      values.add(value);
    }
    return values;
  }

  /** A close known name: same when lower-cased, or within edit distance 2. */
  static Optional<String> closest(String given, Collection<String> known) {
    if (given == null || given.isEmpty()) {
      return Optional.empty();
    }
    String lower = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      if (k.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(k);
      }
      int d = distance(lower, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    int limit = given.length() <= 3 ? 1 : 2;
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Label of an enum type in messages: "framework", "agent type", ... */
  static String enumLabel(Class<?> enumType) {
    String simple = enumType.getSimpleName();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append(' ');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }
}
