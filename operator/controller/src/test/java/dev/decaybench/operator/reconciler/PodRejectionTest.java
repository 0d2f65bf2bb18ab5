package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** The API server's answers to a pod create, as kube-apiserver 1.34 words them. */
class PodRejectionTest {

  @Test
  void aPodOverAResourceQuotaWaitsForTheQuota() {
    assertThat(PodRejection.of(refusal(403, "pods \"r-0-a0\" is forbidden: exceeded quota:"
        + " e2e-no-pods, requested: pods=1, used: pods=0, limited: pods=0")))
        .isEqualTo(PodRejection.QUOTA_EXCEEDED);
  }

  @Test
  void aQuotaThatWantsLimitsTheOperatorDidNotSetNeverClears() {
    assertThat(PodRejection.of(refusal(403, "pods \"r-0-a0\" is forbidden: failed quota: q:"
        + " must specify limits.cpu for: mesh-init"))).isEqualTo(PodRejection.REJECTED);
  }

  @Test
  void podSecurityPoliciesAndWebhookDenialsRejectThePod() {
    assertThat(PodRejection.of(refusal(403, "pods \"r-0-a0\" is forbidden: violates"
        + " PodSecurity \"restricted:latest\": runAsUser=0"))).isEqualTo(PodRejection.REJECTED);
    assertThat(PodRejection.of(refusal(422, "pods \"r-0-a0\" is forbidden:"
        + " ValidatingAdmissionPolicy 'p' denied request"))).isEqualTo(PodRejection.REJECTED);
    assertThat(PodRejection.of(refusal(400, "admission webhook denied the request")))
        .isEqualTo(PodRejection.REJECTED);
  }

  @Test
  void anUnreachableWebhookOrAServerErrorIsNoVerdictOnThePod() {
    assertThat(PodRejection.of(refusal(500, "Internal error occurred: failed calling webhook"
        + " \"check.e2e.decaybench.dev\": connect: connection refused")))
        .isEqualTo(PodRejection.NONE);
    assertThat(PodRejection.of(refusal(503, "the server is currently unable to handle the"
        + " request"))).isEqualTo(PodRejection.NONE);
  }

  @Test
  void theServersOwnMessageIsKept() {
    assertThat(PodRejection.message(refusal(403, "exceeded quota: q")))
        .isEqualTo("exceeded quota: q");
  }

  private static KubernetesClientException refusal(int code, String message) {
    Status status = new StatusBuilder().withCode(code).withMessage(message).build();
    return new KubernetesClientException(status);
  }
}
