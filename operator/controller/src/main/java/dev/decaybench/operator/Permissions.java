package dev.decaybench.operator;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import java.util.List;

/**
 * Every Kubernetes API call the operator makes, as RBAC rules: the Helm chart's Role grants
 * exactly these (helm's RbacTest compares them) and the operator tests check that no request
 * falls outside them.
 */
public final class Permissions {

  private Permissions() {}

  /** In each watched namespace. */
  public static List<PolicyRule> watched() {
    return List.of(
        rule("decaybench.dev", "evaluationruns", "get", "list", "watch"),
        rule("decaybench.dev", "evaluationruns/status", "patch"),
        // OwnerReferencesPermissionEnforcement: blockOwnerDeletion on a trial's owner reference
        // to its run (and a pod's to its trial) needs update on the owner's finalizers
        rule("decaybench.dev", "evaluationruns/finalizers", "update"),
        rule("decaybench.dev", "evaluationtrials", "get", "list", "watch", "create", "update"),
        rule("decaybench.dev", "evaluationtrials/status", "patch"),
        rule("decaybench.dev", "evaluationtrials/finalizers", "update"),
        rule("", "pods", "get", "list", "watch", "create", "delete"),
        rule("", "events", "create"));
  }

  /**
   * In each watched namespace, when trials need the trial NetworkPolicy (the chart's
   * networkPolicy.enabled): watching it, by name, to start trials only where it exists.
   */
  public static List<PolicyRule> networkPolicyCheck() {
    return List.of(rule("networking.k8s.io", "networkpolicies", "list", "watch"));
  }

  /** In the operator's own namespace, when leader election is on: its one Lease. */
  public static List<PolicyRule> leaderElection(String leaseName) {
    return List.of(
        rule("coordination.k8s.io", "leases", "create"),
        new PolicyRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
            .withResourceNames(leaseName).withVerbs("get", "update", "patch").build());
  }

  private static PolicyRule rule(String group, String resource, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resource).withVerbs(verbs).build();
  }
}
