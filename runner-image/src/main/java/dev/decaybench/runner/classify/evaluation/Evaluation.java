package dev.decaybench.runner.classify.evaluation;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.FailureClassifier;
import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Taxonomy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Runs the classifier over a labelled set and reports accuracy, confusion matrices and speed. */
public final class Evaluation {

  /** One case and what the classifier said, with the time classify() took. */
  public record Outcome(LabelledSet.Case expected, FailureClass got, long nanos) {
    public boolean coarseRight() {
      return expected.expectedCoarse().equals(got.coarse());
    }

    public boolean subcategoryRight() {
      return coarseRight() && Objects.equals(expected.expectedSubcategory(), got.subcategory());
    }

    public boolean dataLayerRight() {
      return Taxonomy.isDataLayer(expected.expectedSubcategory()) == got.dataLayer();
    }
  }

  private final List<Outcome> outcomes;

  private Evaluation(List<Outcome> outcomes) {
    this.outcomes = outcomes;
  }

  public static Evaluation run(List<LabelledSet.Case> cases, FailureClassifier classifier) {
    return run(cases, classifier::classify);
  }

  /** Any classification function, e.g. a baseline to compare with. */
  public static Evaluation run(List<LabelledSet.Case> cases, Function<TrialEvidence, FailureClass> classifier) {
    List<Outcome> out = new ArrayList<>();
    for (LabelledSet.Case c : cases) {
      long t0 = System.nanoTime();
      FailureClass got = classifier.apply(c.evidence());
      out.add(new Outcome(c, got, System.nanoTime() - t0));
    }
    return new Evaluation(out);
  }

  public List<Outcome> outcomes() {
    return outcomes;
  }

  public int size() {
    return outcomes.size();
  }

  public double coarseAccuracy() {
    return ratio(outcomes.stream().filter(Outcome::coarseRight).count(), outcomes.size());
  }

  /** Over the cases labelled logic_error: right coarse class and right subcategory. */
  public double subcategoryAccuracy() {
    List<Outcome> logic = logicCases();
    return ratio(logic.stream().filter(Outcome::subcategoryRight).count(), logic.size());
  }

  public double dataLayerAccuracy() {
    return ratio(outcomes.stream().filter(Outcome::dataLayerRight).count(), outcomes.size());
  }

  public int logicCount() {
    return logicCases().size();
  }

  private List<Outcome> logicCases() {
    return outcomes.stream().filter(o -> Taxonomy.LOGIC_ERROR.equals(o.expected().expectedCoarse())).toList();
  }

  /** Mean time of classify() per trial, in milliseconds. */
  public double meanMillis() {
    return outcomes.isEmpty() ? 0 : outcomes.stream().mapToLong(Outcome::nanos).average().orElse(0) / 1e6;
  }

  public double maxMillis() {
    return outcomes.stream().mapToLong(Outcome::nanos).max().orElse(0) / 1e6;
  }

  private static double ratio(long num, long den) {
    return den == 0 ? 1.0 : (double) num / den;
  }

  /** The plain-text report {@code classify --eval} prints. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("cases %d (logic errors %d)%n", size(), logicCount()));
    sb.append(String.format("coarse accuracy       %.3f (%d/%d)%n", coarseAccuracy(),
        outcomes.stream().filter(Outcome::coarseRight).count(), size()));
    sb.append(String.format("subcategory accuracy  %.3f (%d/%d, logic errors only)%n", subcategoryAccuracy(),
        logicCases().stream().filter(Outcome::subcategoryRight).count(), logicCount()));
    List<Outcome> logicRight = logicCases().stream().filter(Outcome::coarseRight).toList();
    sb.append(String.format("  given a right coarse class: %.3f (%d/%d)%n",
        ratio(logicRight.stream().filter(Outcome::subcategoryRight).count(), logicRight.size()),
        logicRight.stream().filter(Outcome::subcategoryRight).count(), logicRight.size()));
    sb.append(String.format("dataLayer accuracy    %.3f%n", dataLayerAccuracy()));
    sb.append(String.format("classify time         %.2f ms/trial mean, %.2f ms max%n%n", meanMillis(), maxMillis()));
    sb.append("coarse confusion (rows: expected, columns: predicted)\n");
    sb.append(ConfusionMatrix.render(outcomes, o -> o.expected().expectedCoarse(), o -> o.got().coarse(),
        Taxonomy.COARSE));
    sb.append("\nsubcategory confusion on expected logic errors (predicted '-' = not a logic error)\n");
    Set<String> subs = new LinkedHashSet<>(Taxonomy.SUBCATEGORIES);
    subs.add("-");
    sb.append(ConfusionMatrix.render(logicCases(), o -> o.expected().expectedSubcategory(),
        o -> o.got().subcategory() == null ? "-" : o.got().subcategory(), List.copyOf(subs)));
    List<Outcome> wrong = outcomes.stream().filter(o -> !o.subcategoryRight()).toList();
    if (!wrong.isEmpty()) {
      sb.append("\nmisclassified\n");
      for (Outcome o : wrong) {
        sb.append(String.format("  %-44s expected %s got %s (rule %s)%n", Facts.clip(o.expected().id(), 44),
            label(o.expected().expectedCoarse(), o.expected().expectedSubcategory()),
            label(o.got().coarse(), o.got().subcategory()), o.got().rule()));
      }
    }
    return sb.toString();
  }

  private static String label(String coarse, String sub) {
    return sub == null ? coarse : coarse + "/" + sub;
  }
}
