package dev.decaybench.runner.engine;

/**
 * The trial passed its time limit. Its own type because the grading rule treats it unlike other
 * harness errors: a time-out is the agent's or the app's failure (A% 0), not the harness's.
 */
public class TrialTimeoutException extends HarnessException {
  public TrialTimeoutException(long limitSeconds) {
    super("trial exceeded its time limit of " + limitSeconds + " s");
  }
}
