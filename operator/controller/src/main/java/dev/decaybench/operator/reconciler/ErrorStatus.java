package dev.decaybench.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Duration;

/**
 * For the reconcilers' error-status handlers: after JOSDK's last retry its next try would only
 * come with the next event or the 10 h resync, so the error goes into the status instead and
 * the resource is looked at again soon.
 */
final class ErrorStatus {

  /** When a run is looked at again after its retries ran out. */
  static final Duration RUN_RECHECK = Duration.ofSeconds(30);

  private ErrorStatus() {}

  static boolean lastAttempt(Context<?> ctx) {
    return ctx.getRetryInfo().map(RetryInfo::isLastAttempt).orElse(false);
  }

  /** The API server's message when it sent one, else the exception's. */
  static String message(Exception e) {
    if (e instanceof KubernetesClientException k) {
      return PodRejection.message(k);
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
