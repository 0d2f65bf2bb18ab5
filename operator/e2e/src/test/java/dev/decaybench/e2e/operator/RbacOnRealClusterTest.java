package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.operator.Permissions;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The installed chart's RBAC as the real authorizer decides it, for the operator's
 * ServiceAccount: every call the operator makes ({@link Permissions}) is allowed, and what it
 * must not do is denied.
 */
class RbacOnRealClusterTest {

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();
  private final String user = "system:serviceaccount:" + E2eCluster.NAMESPACE + ":"
      + e2e.release().fullname();

  @AfterEach
  void close() {
    admin.close();
  }

  @Test
  void everyCallOfTheOperatorIsAllowedInTheWatchedNamespace() {
    List<String> denied = new ArrayList<>();
    for (PolicyRule rule : Permissions.watched()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          if (!allowed(rule.getApiGroups().get(0), resource, verb, E2eCluster.NAMESPACE)) {
            denied.add(verb + " " + resource);
          }
        }
      }
    }
    assertThat(denied).isEmpty();
  }

  @Test
  void secretsOtherNamespacesAndPodExecAreDenied() {
    assertThat(allowed("", "secrets", "get", E2eCluster.NAMESPACE)).isFalse();
    assertThat(allowed("", "pods/exec", "create", E2eCluster.NAMESPACE)).isFalse();
    assertThat(allowed("", "pods", "create", "default")).isFalse();
    assertThat(allowed("decaybench.dev", "evaluationruns", "delete", E2eCluster.NAMESPACE))
        .isFalse();
  }

  private boolean allowed(String group, String resource, String verb, String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec().withUser(user)
        .withGroups("system:serviceaccounts", "system:serviceaccounts:" + E2eCluster.NAMESPACE,
            "system:authenticated")
        .withResourceAttributes(new ResourceAttributesBuilder().withGroup(group)
            .withResource(parts[0]).withSubresource(parts.length > 1 ? parts[1] : null)
            .withVerb(verb).withNamespace(namespace).build())
        .endSpec().build();
    return admin.authorization().v1().subjectAccessReview().create(review).getStatus()
        .getAllowed();
  }
}
