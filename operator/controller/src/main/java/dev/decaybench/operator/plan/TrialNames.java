package dev.decaybench.operator.plan;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import java.util.Map;

/**
 * Deterministic names and labels. A trial is {@code <run>-<index>} (its index in the plan), its
 * pod {@code <trial>-a<attempt>}: after a restart the operator finds every object again by name,
 * and the API server refuses a second object of the same name, so no trial is lost or doubled.
 */
public final class TrialNames {

  public static final String RUN_LABEL = "decaybench.dev/run";
  public static final String INDEX_LABEL = "decaybench.dev/trial-index";
  public static final String ATTEMPT_LABEL = "decaybench.dev/attempt";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "decaybench-operator";
  /** Annotation on a trial: why its last attempt was retried. */
  public static final String RETRY_REASON_ANNOTATION = "decaybench.dev/last-retry-reason";

  private TrialNames() {}

  public static String trial(String runName, int index) {
    return runName + "-" + index;
  }

  public static String pod(String trialName, int attempt) {
    return trialName + "-a" + attempt;
  }

  public static String pod(EvaluationTrial trial) {
    return pod(trial.getMetadata().getName(), attempt(trial));
  }

  public static int attempt(EvaluationTrial trial) {
    Integer a = trial.getSpec() == null ? null : trial.getSpec().getAttempt();
    return a == null ? 0 : a;
  }

  /** The plan index of a trial of run {@code runName}, or -1 when the name is not one. */
  public static int index(String runName, String trialName) {
    String prefix = runName + "-";
    if (!trialName.startsWith(prefix)) {
      return -1;
    }
    String digits = trialName.substring(prefix.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  public static Map<String, String> trialLabels(String runName, int index) {
    return Map.of(RUN_LABEL, runName, INDEX_LABEL, Integer.toString(index),
        MANAGED_BY_LABEL, MANAGED_BY);
  }

  public static Map<String, String> podLabels(String runName, int index, int attempt) {
    return Map.of(RUN_LABEL, runName, INDEX_LABEL, Integer.toString(index),
        ATTEMPT_LABEL, Integer.toString(attempt), MANAGED_BY_LABEL, MANAGED_BY);
  }
}
