package dev.decaybench.runner.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Counts the checks a suite defines by reading its feature files: every Then/And step except
 * the ones that only remember a value.
 */
final class FeatureCounter {

  private FeatureCounter() {}

  static int checks(List<String> resources) {
    int n = 0;
    for (String resource : resources) {
      try (InputStream in = FeatureCounter.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("feature file " + resource + " is not on the class path");
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String t = line.strip();
          if ((t.startsWith("Then ") || t.startsWith("And ")) && !t.contains(" is remembered as ")) {
            n++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }
}
