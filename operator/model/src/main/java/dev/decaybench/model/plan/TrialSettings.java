package dev.decaybench.model.plan;

import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Timeouts;

/**
 * A trial's limits and options as a run's spec and the defaults make them, worked out in one
 * place for the local runner and the operator's pod factory: the trial's time limit (spec, else
 * the path's default: {@link Timeouts#DEFAULT_TRIAL_SECONDS} locally, the operator's
 * {@code trials.defaultTrialSeconds} on a cluster), how long the app may take to answer its
 * health check, and whether the extended suite runs.
 */
public record TrialSettings(int trialSeconds, int healthSeconds, boolean extendedSuite) {

  /** How long an app may take to start answering, unless {@code spec.timeouts.healthSeconds}. */
  public static final int DEFAULT_HEALTH_SECONDS = 60;

  public static TrialSettings of(EvaluationRunSpec spec, int defaultTrialSeconds) {
    Timeouts t = spec.getTimeouts();
    int trial = t != null && t.getTrialSeconds() != null ? t.getTrialSeconds()
        : defaultTrialSeconds;
    int health = t != null && t.getHealthSeconds() != null ? t.getHealthSeconds()
        : DEFAULT_HEALTH_SECONDS;
    boolean extended = spec.getEvaluation() == null
        || spec.getEvaluation().isExtendedSuiteEnabled();
    return new TrialSettings(trial, health, extended);
  }
}
