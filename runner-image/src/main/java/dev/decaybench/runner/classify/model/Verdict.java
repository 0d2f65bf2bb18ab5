package dev.decaybench.runner.classify.model;

import java.util.List;

/** What one rule concluded: a coarse class, the subcategory for logic errors, how sure, and why. */
public record Verdict(String coarse, String subcategory, double confidence, List<String> evidence) {

  public Verdict {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    confidence = Math.max(0.0, Math.min(1.0, confidence));
  }

  public static Verdict of(String coarse, double confidence, List<String> evidence) {
    return new Verdict(coarse, null, confidence, evidence);
  }

  public static Verdict logic(String subcategory, double confidence, List<String> evidence) {
    return new Verdict(Taxonomy.LOGIC_ERROR, subcategory, confidence, evidence);
  }
}
