package dev.decaybench.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * What the API server's refusal of a trial pod means. Admission answers 403 (PodSecurity, RBAC,
 * ResourceQuota, most webhooks) or 422/400 (ValidatingAdmissionPolicy, webhooks): a pod that
 * is refused now is refused on every retry, except over a ResourceQuota, which clears as other
 * pods finish. Anything else (5xx, a webhook that cannot be reached, the network) is an error
 * for JOSDK's retries.
 */
enum PodRejection {
  /** Over a ResourceQuota: wait and try again. */
  QUOTA_EXCEEDED,
  /** Refused for what the pod is: the trial cannot run. */
  REJECTED,
  /** Not a verdict on the pod. */
  NONE;

  static PodRejection of(KubernetesClientException e) {
    int code = e.getCode();
    if (code == 403 && message(e).contains("exceeded quota")) {
      return QUOTA_EXCEEDED; // not "failed quota: must specify ...", which never clears
    }
    return code == 403 || code == 422 || code == 400 ? REJECTED : NONE;
  }

  /** The server's own message (which names the policy, quota or webhook). */
  static String message(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage() : String.valueOf(e.getMessage());
  }
}
