package dev.decaybench.operator.pod;

import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.TrialTimings;
import dev.decaybench.operator.status.Reason;
import java.time.Duration;

/**
 * What a trial pod's state means for its trial: still going (look again after
 * {@code recheckAfter}), evaluated (a result), an infrastructure failure (another attempt), or a
 * failure that another attempt would not fix (agent, app, harness, time-out).
 */
public record PodVerdict(Kind kind, Reason reason, String message, CompactResult result,
    TrialTimings timings, Duration recheckAfter) {

  public enum Kind { RUNNING, EVALUATED, RETRY, FAILED }

  public static PodVerdict running(Duration recheckAfter) {
    return new PodVerdict(Kind.RUNNING, null, null, null, null, recheckAfter);
  }

  public static PodVerdict evaluated(CompactResult result, TrialTimings timings) {
    return new PodVerdict(Kind.EVALUATED, Reason.Evaluated, null, result, timings, null);
  }

  public static PodVerdict retry(Reason reason, String message) {
    return new PodVerdict(Kind.RETRY, reason, message, null, null, null);
  }

  public static PodVerdict failed(Reason reason, String message, TrialTimings timings) {
    return new PodVerdict(Kind.FAILED, reason, message, null, timings, null);
  }

  /**
   * With the cost of the agent's tokens at the run's price ({@code spec.agent.price}): the pod
   * knows tokens, only the run knows what they cost.
   */
  public PodVerdict pricedAt(AgentSpec agent) {
    if (result == null || result.usage() == null || agent == null || agent.getPrice() == null) {
      return this;
    }
    return new PodVerdict(kind, reason, message, result.withUsage(result.usage().priced(agent.getPrice())),
        timings, recheckAfter);
  }
}
