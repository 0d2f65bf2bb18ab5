package dev.decaybench.e2e.cluster;

/** Admission webhook configurations (YAML) for the objects of one test run. */
public final class WebhookConfigurations {

  private WebhookConfigurations() {}

  /**
   * A {@code kind} (Validating/MutatingWebhookConfiguration) named {@code name}, failurePolicy
   * Fail, that sends the CREATE of {@code resources} (YAML list items) of {@code groups} labelled
   * {@code decaybench.dev/run=run} to {@code clientConfig} (a YAML flow map).
   */
  public static String of(String kind, String name, String clientConfig, String run,
      String groups, String resources) {
    return """
        apiVersion: admissionregistration.k8s.io/v1
        kind: %s
        metadata: {name: %s}
        webhooks:
          - name: %s.e2e.decaybench.dev
            admissionReviewVersions: [v1]
            sideEffects: None
            failurePolicy: Fail
            clientConfig: %s
            objectSelector: {matchLabels: {decaybench.dev/run: %s}}
            rules:
              - {apiGroups: [%s], apiVersions: ["*"], operations: [CREATE], resources: [%s]}
        """.formatted(kind, name, name, clientConfig, run, groups, resources);
  }
}
