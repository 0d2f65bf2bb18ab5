package dev.decaybench.e2e.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A namespace made afresh for a suite, held to the restricted PodSecurity profile. */
public final class RestrictedNamespace {

  private RestrictedNamespace() {}

  /**
   * Deletes what a previous suite left (the namespace also holds helm's release records), then
   * creates the namespace again, labelled so the API server's PodSecurity admission enforces the
   * restricted profile on every trial pod.
   */
  public static void recreate(KubernetesClient admin, String namespace) {
    delete(admin, namespace);
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata()
        .withName(namespace).withLabels(Map.of(
            "pod-security.kubernetes.io/enforce", "restricted",
            "pod-security.kubernetes.io/enforce-version", "latest"))
        .endMetadata().build()).serverSideApply();
  }

  /**
   * Deletes a namespace a previous suite left. Its running pods are bound to a stand-in node that
   * went with that JVM: nobody would confirm their graceful deletion, so they go at once.
   */
  public static void delete(KubernetesClient admin, String namespace) {
    admin.pods().inNamespace(namespace).withGracePeriod(0).delete();
    admin.namespaces().withName(namespace).withTimeout(3, TimeUnit.MINUTES).delete();
  }
}
