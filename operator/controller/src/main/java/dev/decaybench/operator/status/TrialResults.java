package dev.decaybench.operator.status;

import dev.decaybench.model.metrics.TrialGrading;
import dev.decaybench.model.metrics.TrialGrading.Outcome;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.ConstraintVariant;
import dev.decaybench.model.v1alpha1.Conditions;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialSpec;
import dev.decaybench.model.v1alpha1.EvaluationTrialStatus;
import dev.decaybench.model.v1alpha1.TrialFailure;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.model.v1alpha1.TrialTimings;
import dev.decaybench.model.v1alpha1.TrialUsageStatus;
import dev.decaybench.model.v1alpha1.VerifierOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A trial's final status from what its pod handed back, and the trial as the metrics see it
 * ({@link TrialRecord}). The only two shapes a trial status takes: Evaluated with a result, or
 * Failed with a reason; both carry a {@code Complete=True} condition for {@code kubectl wait}.
 */
public final class TrialResults {

  private TrialResults() {}

  /** The status of a trial whose evaluation produced {@code result}. */
  public static EvaluationTrialStatus evaluated(EvaluationTrial trial, String podName,
      Instant podCreated, CompactResult result, TrialTimings timings, Instant now) {
    EvaluationTrialStatus s = base(trial, podName, podCreated, TrialPhase.EVALUATED, timings, now);
    s.setSuccess(result.success());
    s.setAPct(result.aPct());
    s.setStrictAPct(result.strictAPct());
    s.setStrictAPctPlus(result.strictAPctPlus());
    s.setExtendedPassed(result.extendedPassed());
    s.setExtendedTotal(result.extendedTotal());
    List<String> failedVerifiers = result.failedVerifiers() == null ? List.of()
        : result.failedVerifiers();
    s.setVerifiers(failedVerifiers.stream().map(v -> new VerifierOutcome(v, false)).toList());
    if (result.failure() != null) {
      s.setFailure(new TrialFailure(result.failure(), result.subcategory(), result.dataLayer()));
    }
    s.setEvidence(result.evidence());
    s.setUsage(usageStatus(result.usage()));
    String summary = String.format("A%% %.2f (%d/%d), strict A%% %.2f%s", result.aPct(),
        result.passed(), result.total(), result.strictAPct(),
        result.failure() == null ? "" : ", " + result.failure());
    s.setMessage(summary);
    Conditions.set(s.getConditions(), Condition.COMPLETE, Condition.TRUE,
        Reason.Evaluated.name(), summary, generation(trial), now);
    return s;
  }

  /** The status of a trial that produced no result and gets no further attempt. */
  public static EvaluationTrialStatus failed(EvaluationTrial trial, String podName,
      Instant podCreated, Reason reason, String message, TrialTimings timings, Instant now) {
    EvaluationTrialStatus s = base(trial, podName, podCreated, TrialPhase.FAILED, timings, now);
    s.setMessage(reason + ": " + message);
    Conditions.set(s.getConditions(), Condition.COMPLETE, Condition.TRUE, reason.name(), message,
        generation(trial), now);
    return s;
  }

  private static EvaluationTrialStatus base(EvaluationTrial trial, String podName,
      Instant podCreated, TrialPhase phase, TrialTimings timings, Instant now) {
    EvaluationTrialStatus s = new EvaluationTrialStatus();
    s.setPhase(phase);
    s.setObservedGeneration(generation(trial));
    s.setPodName(podName);
    s.setTimings(timings);
    EvaluationTrialStatus old = trial.getStatus();
    s.setStartTime(old != null && old.getStartTime() != null ? old.getStartTime()
        : podCreated == null ? null : Conditions.timestamp(podCreated));
    s.setCompletionTime(Conditions.timestamp(now));
    return s;
  }

  /** The reason of a finished trial's Complete condition (Evaluated, AgentFailed, ...). */
  public static String reason(EvaluationTrial trial) {
    return trial.getStatus() == null ? null
        : Conditions.find(trial.getStatus().getConditions(), Condition.COMPLETE)
            .map(Condition::getReason).orElse(null);
  }

  public static boolean isTerminal(EvaluationTrial trial) {
    return trial.getStatus() != null && trial.getStatus().getPhase() != null
        && trial.getStatus().getPhase().isTerminal();
  }

  public static boolean isEvaluated(EvaluationTrial trial) {
    return trial.getStatus() != null && trial.getStatus().getPhase() == TrialPhase.EVALUATED;
  }

  /**
   * What a finished trial counts for in the metrics ({@link TrialGrading}, keyed by the reason of
   * its Complete condition); empty when the rule leaves it out (or it has not finished).
   */
  public static Optional<TrialRecord> graded(EvaluationTrial trial) {
    if (!isTerminal(trial)) {
      return Optional.empty();
    }
    Outcome outcome = isEvaluated(trial) ? Outcome.EVALUATED : outcome(reason(trial));
    return TrialGrading.grade(outcome, record(trial));
  }

  private static Outcome outcome(String reason) {
    try {
      return reason == null ? Outcome.HARNESS_ERROR : Reason.valueOf(reason).outcome();
    } catch (IllegalArgumentException e) {
      return Outcome.HARNESS_ERROR; // a reason this operator does not know: not the agent's fault
    }
  }

  /** A trial as the one metrics implementation reads it, with its scores as recorded. */
  public static TrialRecord record(EvaluationTrial trial) {
    EvaluationTrialSpec spec = trial.getSpec();
    EvaluationTrialStatus st = trial.getStatus();
    TrialFailure f = st.getFailure();
    return new TrialRecord(trial.getMetadata().getName(), spec.getTask(),
        spec.getFramework() == null ? null : spec.getFramework().value(),
        spec.getLevel() == null ? 0 : spec.getLevel(), constraints(spec.getVariant()),
        spec.getRepeat() == null ? 0 : spec.getRepeat(),
        st.getAPct() == null ? 0.0 : st.getAPct(),
        st.getStrictAPct() == null ? 0.0 : st.getStrictAPct(), st.getStrictAPctPlus(),
        Boolean.TRUE.equals(st.getSuccess()), st.getExtendedPassed(), st.getExtendedTotal(),
        f == null ? null : f.getCoarse(), f == null ? null : f.getSubcategory(),
        f != null && Boolean.TRUE.equals(f.getDataLayer()), durationMs(st))
        .withUsage(usage(st));
  }

  /** What the agent spent, as the trial status keeps it; null when it reported nothing. */
  static TrialUsageStatus usageStatus(TrialUsage u) {
    return u == null ? null : new TrialUsageStatus(u.promptTokens(), u.completionTokens(),
        u.llmCalls(), u.steps(), u.toolCalls(), u.cost());
  }

  /** The trial's usage for the metrics: the status's usage and the pod's wall times. */
  static TrialUsage usage(EvaluationTrialStatus st) {
    TrialUsageStatus u = st.getUsage() == null ? new TrialUsageStatus() : st.getUsage();
    TrialTimings t = st.getTimings() == null ? new TrialTimings() : st.getTimings();
    return TrialUsage.orNull(new TrialUsage(u.getPromptTokens(), u.getCompletionTokens(),
        u.getLlmCalls(), u.getSteps(), u.getToolCalls(), millis(t.getAgentSeconds()),
        millis(t.getEvaluateSeconds()), u.getCost()));
  }

  private static Long millis(Double seconds) {
    return seconds == null ? null : Math.round(seconds * 1000);
  }

  private static List<String> constraints(String variant) {
    if (variant == null || variant.equals(ConstraintVariant.UNCONSTRAINED)) {
      return List.of();
    }
    return Arrays.asList(variant.split("-"));
  }

  private static long durationMs(EvaluationTrialStatus st) {
    try {
      if (st.getStartTime() != null && st.getCompletionTime() != null) {
        return Duration.between(Instant.parse(st.getStartTime()),
            Instant.parse(st.getCompletionTime())).toMillis();
      }
    } catch (RuntimeException e) {
      // fall through
    }
    return 0;
  }

  private static Long generation(EvaluationTrial trial) {
    return trial.getMetadata().getGeneration();
  }
}
