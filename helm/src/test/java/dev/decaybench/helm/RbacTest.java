package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC is exactly the operator's API use, as the operator publishes it
 * (dev.decaybench.operator.Permissions). PrometheusDashboardTest checks the same rules against
 * the requests the operator really makes on the mock API server, so the published list cannot
 * drift from the code either.
 */
class RbacTest {

  /** One RBAC rule, flattened for comparison. */
  record Rule(String apiGroup, List<String> resources, List<String> verbs,
      List<String> resourceNames) {
    Set<String> tuples() {
      Set<String> out = new TreeSet<>();
      for (String r : resources) {
        for (String v : verbs) {
          if (resourceNames.isEmpty()) {
            out.add(apiGroup + "/" + r + ":" + v);
          } else {
            resourceNames.forEach(n -> out.add(apiGroup + "/" + r + ":" + v + "@" + n));
          }
        }
      }
      return out;
    }
  }

  /** Paths the request counter reports that are not resources (discovery). */
  static final Set<String> NON_RESOURCE_PATHS = Set.of("", "version", "api", "apis");

  /**
   * What the operator does, and where:
   * <ul>
   *   <li>evaluationruns get/list/watch: primary informer of EvaluationRunReconciler, secondary
   *       informer of EvaluationTrialReconciler (get with list grants no more than list);</li>
   *   <li>evaluationruns/status patch: UpdateControl.patchStatus (JOSDK: server-side apply, or
   *       JSON patch with DECAYBENCH_USE_SSA=false);</li>
   *   <li>evaluationtrials get/list/watch/create/update: informers; EvaluationRunReconciler
   *       creates trials; EvaluationTrialReconciler.retry updates spec.attempt
   *       (PrimaryUpdateAndCacheUtils.updateAndCacheResource, which re-reads with get on a
   *       conflict);</li>
   *   <li>evaluationtrials/status patch: TrialStatusWriter (SSA or JSON patch);</li>
   *   <li>pods get/list/watch/create/delete: the pod informer (label
   *       app.kubernetes.io/managed-by=decaybench-operator), createPod, delete;</li>
   *   <li>events create: EventRecorder (core/v1 events, generateName);</li>
   *   <li>networkpolicies list/watch (with networkPolicy.enabled): NetworkPolicyGate's informer
   *       of the trial NetworkPolicy, by name.</li>
   * </ul>
   * No finalizers (no Cleaner), so no update of the primary resources; no CRD read
   * (checkCRDAndValidateLocalModel is off); secrets are only referenced by the agent container's
   * secretKeyRef, which the kubelet resolves.
   */
  /** What the operator publishes it calls, in each watched namespace. */
  static final List<Rule> OPERATOR_RULES = fromPolicy(concat(
      dev.decaybench.operator.Permissions.watched(),
      dev.decaybench.operator.Permissions.networkPolicyCheck()));

  /** The same without the trial NetworkPolicy (networkPolicy.enabled=false). */
  static final List<Rule> RULES_WITHOUT_NETWORK_POLICY =
      fromPolicy(dev.decaybench.operator.Permissions.watched());

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Leader election: the one Lease in the release namespace. */
  static final List<Rule> LEASE_RULES =
      fromPolicy(dev.decaybench.operator.Permissions.leaderElection("decaybench-operator"));

  private static List<Rule> fromPolicy(List<io.fabric8.kubernetes.api.model.rbac.PolicyRule> policy) {
    List<Rule> out = new ArrayList<>();
    for (var p : policy) {
      for (String g : p.getApiGroups()) {
        out.add(new Rule(g, p.getResources(), p.getVerbs(),
            p.getResourceNames() == null ? List.of() : p.getResourceNames()));
      }
    }
    return out;
  }

  static List<Rule> rules(JsonNode role) {
    List<Rule> out = new ArrayList<>();
    for (JsonNode r : role.path("rules")) {
      List<String> groups = strings(r.path("apiGroups"));
      for (String g : groups) {
        out.add(new Rule(g, strings(r.path("resources")), strings(r.path("verbs")),
            strings(r.path("resourceNames"))));
      }
    }
    return out;
  }

  static Set<String> tuples(List<Rule> rules) {
    Set<String> out = new TreeSet<>();
    rules.forEach(r -> out.addAll(r.tuples()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void namespaceModeGrantsExactlyTheOperatorsCallsInTheReleaseNamespace() {
    Chart.Rendered r = Chart.render();
    assertThat(r.ofKind("ClusterRole")).isEmpty();
    assertThat(r.ofKind("ClusterRoleBinding")).isEmpty();
    ObjectNode role = r.one("Role");
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(tuples(rules(role))).isEqualTo(tuples(OPERATOR_RULES));
    assertBinding(r.one("RoleBinding"), "Role", role.path("metadata").path("name").asText(),
        Chart.NAMESPACE);
  }

  @Test
  void namespacesModeGrantsTheSameInEachListedNamespaceOnly() {
    Chart.Rendered r = Chart.render("""
        watch:
          mode: namespaces
          namespaces: [team-a, team-b]
        """, Map.of());
    assertThat(r.ofKind("ClusterRole")).isEmpty();
    assertThat(r.ofKind("Role")).extracting(o -> o.path("metadata").path("namespace").asText())
        .containsExactlyInAnyOrder("team-a", "team-b");
    for (ObjectNode role : r.ofKind("Role")) {
      assertThat(tuples(rules(role))).isEqualTo(tuples(OPERATOR_RULES));
    }
    assertThat(r.ofKind("RoleBinding")).hasSize(2).allSatisfy(b -> assertThat(
        b.path("subjects").get(0).path("namespace").asText()).isEqualTo(Chart.NAMESPACE));
    assertThat(ChartRenderTest.env(r).get("DECAYBENCH_NAMESPACES")).isEqualTo("team-a,team-b");
  }

  @Test
  void clusterModeUsesAClusterRoleWithTheSameRules() {
    Chart.Rendered r = Chart.render("", Map.of("watch.mode", "cluster"));
    assertThat(r.ofKind("Role")).isEmpty();
    assertThat(r.ofKind("RoleBinding")).isEmpty();
    ObjectNode role = r.one("ClusterRole");
    assertThat(tuples(rules(role))).isEqualTo(tuples(OPERATOR_RULES));
    assertBinding(r.one("ClusterRoleBinding"), "ClusterRole",
        role.path("metadata").path("name").asText(), Chart.NAMESPACE);
    assertThat(ChartRenderTest.env(r).get("DECAYBENCH_NAMESPACES")).isEmpty();
  }

  @Test
  void withoutTheTrialNetworkPolicyTheOperatorNeitherWatchesNorRequiresIt() {
    Chart.Rendered r = Chart.render("", Map.of("networkPolicy.enabled", false,
        "watch.mode", "cluster"));
    assertThat(tuples(rules(r.one("ClusterRole")))).isEqualTo(tuples(RULES_WITHOUT_NETWORK_POLICY));
    assertThat(ChartRenderTest.env(r).get("DECAYBENCH_TRIAL_NETWORK_POLICY")).isEmpty();
    assertThat(r.ofKind("NetworkPolicy")).isEmpty();
    Chart.Rendered on = Chart.render(); // the operator requires the policy the chart creates
    assertThat(ChartRenderTest.env(on).get("DECAYBENCH_TRIAL_NETWORK_POLICY"))
        .isEqualTo(on.one("NetworkPolicy").path("metadata").path("name").asText());
  }

  @Test
  void leaderElectionAddsOnlyTheLeaseRulesInTheReleaseNamespace() {
    Chart.Rendered single = Chart.render();
    assertThat(single.find("Role", "bench-decaybench-leader-election")).isEmpty();

    Chart.Rendered r = Chart.render("", Map.of("operator.replicas", 3, "watch.mode", "cluster"));
    ObjectNode lease = r.find("Role", "bench-decaybench-leader-election").orElseThrow();
    assertThat(lease.path("metadata").path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(tuples(rules(lease))).isEqualTo(tuples(LEASE_RULES));
    assertBinding(r.find("RoleBinding", "bench-decaybench-leader-election").orElseThrow(), "Role",
        "bench-decaybench-leader-election", Chart.NAMESPACE);
    assertThat(ChartRenderTest.env(r)).containsEntry("DECAYBENCH_LEASE_NAME",
        "decaybench-operator").containsEntry("DECAYBENCH_LEASE_NAMESPACE", Chart.NAMESPACE);
  }

  @Test
  void noWildcardsNoSecretsNoEscalation() {
    for (Chart.Rendered r : List.of(Chart.render(), Chart.render("", Map.of("watch.mode",
        "cluster", "operator.replicas", 2)))) {
      for (String kind : List.of("Role", "ClusterRole")) {
        for (ObjectNode role : r.ofKind(kind)) {
          for (Rule rule : rules(role)) {
            assertThat(rule.apiGroup()).isNotEqualTo("*");
            assertThat(rule.resources()).doesNotContain("*", "secrets", "configmaps",
                "serviceaccounts", "pods/exec", "pods/attach", "roles", "rolebindings",
                "clusterroles", "clusterrolebindings", "customresourcedefinitions");
            assertThat(rule.verbs()).doesNotContain("*", "escalate", "bind", "impersonate",
                "deletecollection");
          }
        }
      }
    }
  }

  @Test
  void rbacCanBeLeftToTheAdmin() {
    Chart.Rendered r = Chart.render("", Map.of("rbac.create", false,
        "serviceAccount.create", false, "serviceAccount.name", "preexisting"));
    assertThat(r.kinds()).noneMatch(k -> k.startsWith("Role/") || k.startsWith("RoleBinding/")
        || k.startsWith("ClusterRole"));
    assertThat(r.ofKind("ServiceAccount")).isEmpty();
    assertThat(r.one("Deployment").path("spec").path("template").path("spec")
        .path("serviceAccountName").asText()).isEqualTo("preexisting");
  }

  private static void assertBinding(JsonNode binding, String roleKind, String roleName,
      String saNamespace) {
    assertThat(binding.path("roleRef").path("kind").asText()).isEqualTo(roleKind);
    assertThat(binding.path("roleRef").path("name").asText()).isEqualTo(roleName);
    JsonNode subjects = binding.path("subjects");
    assertThat(subjects.size()).isEqualTo(1);
    assertThat(subjects.get(0).path("kind").asText()).isEqualTo("ServiceAccount");
    assertThat(subjects.get(0).path("name").asText()).isEqualTo("bench-decaybench");
    assertThat(subjects.get(0).path("namespace").asText()).isEqualTo(saNamespace);
  }
}
