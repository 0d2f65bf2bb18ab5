package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.config.Setting;
import dev.decaybench.operator.plan.TrialNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** helm lint, and the objects helm template renders with default and non-default values. */
class ChartRenderTest {

  /** Non-default values: every knob the issue names, at once. */
  static final String CUSTOM = """
      watch:
        mode: cluster
      operator:
        replicas: 3
        image:
          repository: registry.example.com:5000/acme/decaybench-operator
          digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        resources:
          requests: {cpu: 200m, memory: 384Mi}
          limits: {cpu: "2", memory: 768Mi}
      images:
        runner: {repository: registry.example.com/acme/runner, tag: 1.2.3-python}
        runtimePython: {repository: registry.example.com/acme/runner, tag: 1.2.3-python}
        runtimeNode: {repository: registry.example.com/acme/runner, tag: 1.2.3-node}
        postgres: {repository: registry.example.com/mirror/postgres, tag: 16.4-bookworm}
      trials:
        globalParallelism: 64
        postgresUid: 999
        runtimeClassName: gvisor
        nodeSelector: {pool: bench}
        tolerations: [{key: bench, operator: Exists, effect: NoSchedule}]
        resources:
          agent:
            requests: {cpu: "1", memory: 2Gi}
            limits: {cpu: "4", memory: 8Gi}
        artifacts:
          existingClaim: decaybench-artifacts
      networkPolicy:
        namespaces: [team-a, team-b]
        llmEndpoints:
          - name: openai
            cidr: 203.0.113.0/24
            except: [203.0.113.128/25]
            ports: [443]
          - name: llm-gateway
            namespace: llm
            podSelector: {app: llm-gateway}
            ports: [8000, 8443]
      serviceMonitor:
        enabled: true
        labels: {release: kube-prometheus-stack}
      dashboards:
        label: grafana_dashboard_custom
        labelValue: "yes"
        annotations: {grafana_folder: decaybench}
      """;

  /** The operator container's environment (plain values only). */
  static Map<String, String> env(Chart.Rendered r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode e : r.one("Deployment").path("spec").path("template").path("spec")
        .path("containers").get(0).path("env")) {
      if (e.has("value")) {
        out.put(e.path("name").asText(), e.path("value").asText());
      }
    }
    return out;
  }

  private static Deployment deployment(Chart.Rendered r) {
    return r.as(r.one("Deployment"), Deployment.class);
  }

  @Test
  void lintsCleanly() {
    LintResult lint = new Helm(Chart.dir()).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void defaultValuesRenderTheOperatorAndItsSurroundings() {
    Chart.Rendered r = Chart.render();
    assertThat(r.kinds()).containsExactlyInAnyOrder(
        "ConfigMap/decaybench-system/bench-decaybench-dashboards",
        "Deployment/decaybench-system/bench-decaybench",
        "NetworkPolicy/decaybench-system/bench-decaybench-trials",
        "Role/decaybench-system/bench-decaybench",
        "RoleBinding/decaybench-system/bench-decaybench",
        "Service/decaybench-system/bench-decaybench-metrics",
        "ServiceAccount/decaybench-system/bench-decaybench");
    Deployment d = deployment(r);
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("decaybench/decaybench-operator:0.1.0");
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(env(r)).containsEntry("DECAYBENCH_LEADER_ELECTION", "false")
        .containsEntry("DECAYBENCH_NAMESPACES", Chart.NAMESPACE);
  }

  @Test
  void operatorPodIsHardened() {
    for (Chart.Rendered r : List.of(Chart.render(), Chart.render(CUSTOM, Map.of()))) {
      PodSpec pod = deployment(r).getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getEnableServiceLinks()).isFalse();
      assertThat(pod.getContainers()).hasSize(1);
      Container c = pod.getContainers().get(0);
      var sc = c.getSecurityContext();
      assertThat(sc.getRunAsNonRoot()).isTrue();
      assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
      assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
      assertThat(sc.getPrivileged()).isFalse();
      assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
      assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      // a read-only root needs a writable /tmp for the JVM
      assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
      assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("tmp")
          && v.getEmptyDir() != null);
    }
  }

  @Test
  void probesUseTheOperatorsHealthEndpointsOnTheMetricsPort() {
    Chart.Rendered r = Chart.render("", Map.of("metrics.port", 9095));
    Container c = deployment(r).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo("http-metrics");
      assertThat(p.getContainerPort()).isEqualTo(9095);
    });
    assertThat(env(r)).containsEntry("DECAYBENCH_METRICS_PORT", "9095");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    for (var probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
      assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http-metrics");
    }
    JsonNode service = r.one("Service");
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
        .isEqualTo("http-metrics");
    Map<String, String> podLabels = deployment(r).getSpec().getTemplate().getMetadata()
        .getLabels();
    service.path("spec").path("selector").fields().forEachRemaining(e ->
        assertThat(podLabels).containsEntry(e.getKey(), e.getValue().asText()));
  }

  /**
   * Every operator setting (the operator's own Setting enum) is set by the Deployment, nothing
   * else named DECAYBENCH_*, and the operator's parser accepts the rendered values.
   */
  @Test
  void deploymentSetsEverySettingOfTheOperatorWithValuesItAccepts() {
    for (Chart.Rendered r : List.of(Chart.render(), Chart.render(CUSTOM, Map.of()))) {
      Map<String, String> env = env(r);
      List<String> settings = Arrays.stream(Setting.values()).map(Setting::env).toList();
      assertThat(env.keySet().stream().filter(k -> k.startsWith("DECAYBENCH_")))
          .containsExactlyInAnyOrderElementsOf(settings);
      OperatorConfig config = OperatorConfig.load(env, List.of());
      assertThat(config.metricsPort()).isEqualTo(8080);
      assertThat(config.leaseNamespace()).isEqualTo(Chart.NAMESPACE);
    }
    OperatorConfig defaults = OperatorConfig.load(env(Chart.render()), List.of());
    assertThat(defaults.namespaces()).containsExactly(Chart.NAMESPACE);
    assertThat(defaults.leaderElection()).isFalse();
    assertThat(defaults.evaluateResources().getLimits().get("memory"))
        .isEqualTo(new Quantity("2Gi"));
    assertThat(defaults.appResources().getLimits().get("memory")).isEqualTo(new Quantity("3Gi"));
    assertThat(defaults.appUid()).isEqualTo(10002).isNotEqualTo(defaults.runnerUid());
    assertThat(defaults.runnerImage()).isEqualTo("decaybench/decaybench-runner:0.1.0-python");
    assertThat(defaults.runtimeImageNode()).isEqualTo("decaybench/decaybench-runner:0.1.0-node");
    assertThat(defaults.artifactsClaim()).isEmpty();
  }

  @Test
  void nonDefaultValuesReachTheOperator() {
    Chart.Rendered r = Chart.render(CUSTOM, Map.of());
    Deployment d = deployment(r);
    assertThat(d.getSpec().getReplicas()).isEqualTo(3);
    assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.example.com:5000/acme/decaybench-operator@sha256:"
        + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(c.getResources().getLimits().get("memory")).isEqualTo(new Quantity("768Mi"));

    OperatorConfig config = OperatorConfig.load(env(r), List.of());
    assertThat(config.leaderElection()).isTrue();
    assertThat(config.leaseName()).isEqualTo("decaybench-operator");
    assertThat(config.namespaces()).isEmpty(); // cluster mode: all namespaces
    assertThat(config.globalParallelism()).isEqualTo(64);
    assertThat(config.runnerImage()).isEqualTo("registry.example.com/acme/runner:1.2.3-python");
    assertThat(config.runtimeImagePython()).isEqualTo("registry.example.com/acme/runner:1.2.3-python");
    assertThat(config.runtimeImageNode()).isEqualTo("registry.example.com/acme/runner:1.2.3-node");
    assertThat(config.postgresImage()).isEqualTo("registry.example.com/mirror/postgres:16.4-bookworm");
    assertThat(config.postgresUid()).isEqualTo(999);
    assertThat(config.runtimeClass()).isEqualTo("gvisor");
    assertThat(config.nodeSelector()).containsExactly(Map.entry("pool", "bench"));
    assertThat(config.tolerations()).singleElement().satisfies(t -> {
      assertThat(t.getKey()).isEqualTo("bench");
      assertThat(t.getOperator()).isEqualTo("Exists");
    });
    assertThat(config.agentResources().getLimits().get("memory")).isEqualTo(new Quantity("8Gi"));
    assertThat(config.agentResources().getRequests().get("cpu")).isEqualTo(new Quantity("1"));
    assertThat(config.artifactsClaim()).isEqualTo("decaybench-artifacts");
  }

  @Test
  void leaderElectionIsOnWheneverThereIsMoreThanOneReplica() {
    assertThat(env(Chart.render("", Map.of("operator.replicas", 2))))
        .containsEntry("DECAYBENCH_LEADER_ELECTION", "true");
    assertThat(env(Chart.render("", Map.of("operator.replicas", 1))))
        .containsEntry("DECAYBENCH_LEADER_ELECTION", "false");
    assertThat(env(Chart.render("", Map.of("operator.leaderElection.enabled", true))))
        .containsEntry("DECAYBENCH_LEADER_ELECTION", "true");
    Chart.Rendered r = Chart.render("", Map.of("operator.replicas", 3));
    // POD_NAMESPACE from the downward API too (the operator's fallback for the Lease namespace)
    assertThat(r.one("Deployment").path("spec").path("template").path("spec").path("containers")
        .get(0).path("env").findValuesAsText("fieldPath")).contains("metadata.namespace");
  }

  @Test
  void networkPolicyIsolatesTrialPodsExceptDnsAndTheLlmEndpoints() {
    Chart.Rendered r = Chart.render(CUSTOM, Map.of());
    List<ObjectNode> policies = r.ofKind("NetworkPolicy");
    assertThat(policies).extracting(p -> p.path("metadata").path("namespace").asText())
        .containsExactlyInAnyOrder("team-a", "team-b");
    NetworkPolicy np = r.as(policies.get(0), NetworkPolicy.class);

    // selects the trial pods by the labels the operator puts on them, and not the operator
    Map<String, String> trialPod = TrialNames.podLabels("paper", 7, 1);
    assertThat(trialPod).containsAllEntriesOf(np.getSpec().getPodSelector().getMatchLabels());
    np.getSpec().getPodSelector().getMatchExpressions().forEach(e -> {
      assertThat(e.getOperator()).isEqualTo("Exists");
      assertThat(trialPod).containsKey(e.getKey());
    });
    Map<String, String> operatorPod = deployment(r).getSpec().getTemplate().getMetadata()
        .getLabels();
    assertThat(operatorPod.entrySet()).doesNotContainAnyElementsOf(
        np.getSpec().getPodSelector().getMatchLabels().entrySet());

    assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(np.getSpec().getIngress()).isEmpty();
    List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
    assertThat(egress).hasSize(3);
    NetworkPolicyEgressRule dns = egress.get(0);
    assertThat(dns.getTo()).singleElement().satisfies(peer -> {
      assertThat(peer.getNamespaceSelector().getMatchLabels())
          .containsEntry("kubernetes.io/metadata.name", "kube-system");
      assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
      assertThat(peer.getIpBlock()).isNull();
    });
    assertThat(dns.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactlyInAnyOrder("UDP/53", "TCP/53");
    NetworkPolicyEgressRule openai = egress.get(1);
    assertThat(openai.getTo()).singleElement().satisfies(peer -> {
      assertThat(peer.getIpBlock().getCidr()).isEqualTo("203.0.113.0/24");
      assertThat(peer.getIpBlock().getExcept()).containsExactly("203.0.113.128/25");
      assertThat(peer.getPodSelector()).isNull();
      assertThat(peer.getNamespaceSelector()).isNull();
    });
    assertThat(openai.getPorts()).extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("TCP/443");
    assertThat(egress.get(2).getTo()).singleElement().satisfies(peer -> {
      assertThat(peer.getIpBlock()).isNull();
      assertThat(peer.getNamespaceSelector().getMatchLabels())
          .containsExactly(Map.entry("kubernetes.io/metadata.name", "llm"));
      assertThat(peer.getPodSelector().getMatchLabels())
          .containsExactly(Map.entry("app", "llm-gateway"));
    });
    assertThat(egress.get(2).getPorts()).extracting(p -> p.getPort().getIntVal())
        .containsExactly(8000, 8443);
  }

  @Test
  void networkPolicyFollowsTheWatchedNamespacesAndCanBeTurnedOff() {
    Chart.Rendered defaults = Chart.render();
    NetworkPolicy np = defaults.as(defaults.one("NetworkPolicy"), NetworkPolicy.class);
    assertThat(np.getSpec().getEgress()).hasSize(1); // DNS only: no LLM endpoint by default
    assertThat(Chart.render("watch:\n  mode: namespaces\n  namespaces: [a, b, c]\n", Map.of())
        .ofKind("NetworkPolicy")).extracting(p -> p.path("metadata").path("namespace").asText())
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(Chart.render("", Map.of("watch.mode", "cluster")).ofKind("NetworkPolicy"))
        .extracting(p -> p.path("metadata").path("namespace").asText())
        .containsExactly(Chart.NAMESPACE);
    assertThat(Chart.render("", Map.of("networkPolicy.enabled", false)).ofKind("NetworkPolicy"))
        .isEmpty();
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceKeepingTheRunNamespaceLabel() {
    assertThat(Chart.render().ofKind("ServiceMonitor")).isEmpty();
    Chart.Rendered r = Chart.render(CUSTOM, Map.of());
    ObjectNode sm = r.one("ServiceMonitor");
    assertThat(sm.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(sm.path("metadata").path("labels").path("release").asText())
        .isEqualTo("kube-prometheus-stack");
    JsonNode endpoint = sm.path("spec").path("endpoints").get(0);
    assertThat(endpoint.path("port").asText()).isEqualTo("http-metrics");
    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    assertThat(endpoint.path("honorLabels").asBoolean()).isTrue();
    JsonNode serviceLabels = r.one("Service").path("metadata").path("labels");
    sm.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e ->
        assertThat(serviceLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
    assertThat(sm.path("spec").path("namespaceSelector").path("matchNames").get(0).asText())
        .isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void dashboardsShipAsOneConfigMapForTheGrafanaSidecar() throws Exception {
    ObjectNode cm = Chart.render().one("ConfigMap");
    assertThat(cm.path("metadata").path("labels").path("grafana_dashboard").asText())
        .isEqualTo("1");
    List<String> files = Dashboards.files().stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toList());
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    List<String> keys = new java.util.ArrayList<>();
    cm.path("data").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(files);
    for (String f : files) {
      assertThat(Chart.JSON.readTree(cm.path("data").path(f).asText()))
          .isEqualTo(Chart.JSON.readTree(Files.readString(Dashboards.dir().resolve(f))));
    }
    ObjectNode custom = Chart.render(CUSTOM, Map.of()).one("ConfigMap");
    assertThat(custom.path("metadata").path("labels").path("grafana_dashboard_custom").asText())
        .isEqualTo("yes");
    assertThat(custom.path("metadata").path("annotations").path("grafana_folder").asText())
        .isEqualTo("decaybench");
    assertThat(Chart.render("", Map.of("dashboards.enabled", false)).ofKind("ConfigMap"))
        .isEmpty();
  }

  @Test
  void notesExplainWhatWasInstalled() {
    Release release = new Helm(Chart.dir()).install().withName(Chart.RELEASE)
        .withNamespace(Chart.NAMESPACE).withKubeVersion(Chart.KUBE_VERSION).clientOnly()
        .dryRun().set("watch.mode", "cluster").call();
    assertThat(release.getOutput()).contains("every namespace", "kubectl apply -f crds/",
        "trial pods in other namespaces get no NetworkPolicy",
        "No LLM endpoint is allowed");
  }
}
