package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Condition;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.e2e.cluster.SidecarInjector;
import dev.decaybench.e2e.cluster.WebhookConfigurations;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API server's admission refusing what the operator creates: a ResourceQuota (clears: the
 * trial waits, visibly), PodSecurity (after a mesh's injection) and a
 * ValidatingAdmissionPolicy (never clear: the trial ends with PodRejected, the run ends), a
 * webhook that cannot be reached (an error: after JOSDK's retries the status says so, and the
 * operator looks again until it clears).
 */
class AdmissionOnRealClusterTest {

  private static final String NS = Runs.NS;

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();
  private final List<HasMetadata> cleanUp = new ArrayList<>();
  private final List<String> runs = new ArrayList<>();
  private DecaybenchOperator operator;
  private SidecarInjector injector;

  @AfterEach
  void stop() {
    cleanUp.forEach(o -> admin.resource(o).delete());
    if (injector != null) {
      injector.close();
    }
    runs.forEach(r -> admin.resources(EvaluationRun.class).inNamespace(NS).withName(r).delete());
    if (operator != null) {
      operator.close();
    }
    admin.close();
  }

  @Test
  void aPodOverTheQuotaWaitsVisiblyAndStartsWhenTheQuotaAllowsIt() {
    HasMetadata quota = created(new ResourceQuotaBuilder().withNewMetadata()
        .withName("e2e-no-pods").withNamespace(NS).endMetadata()
        .withNewSpec().withHard(Map.of("pods", new Quantity("0"))).endSpec().build());
    Await.until(Duration.ofSeconds(60), "quota evaluated", () -> admin.resourceQuotas()
        .inNamespace(NS).withName("e2e-no-pods").get().getStatus() != null);
    startOperator(Map.of());
    createRun("quota", 1);

    Await.until(Duration.ofSeconds(120), "trial waits for the quota",
        () -> condition(trial("quota-0"), Condition.PROGRESSING)
            .filter(c -> "QuotaExceeded".equals(c.getReason())).isPresent(),
        () -> String.valueOf(trial("quota-0")));
    EvaluationTrial waiting = trial("quota-0");
    assertThat(waiting.getStatus().getPhase()).isEqualTo(TrialPhase.PENDING);
    assertThat(condition(waiting, Condition.PROGRESSING).orElseThrow().getMessage())
        .contains("exceeded quota");
    assertThat(eventReasons("quota-0")).contains("QuotaExceeded");

    admin.resource(quota).delete(); // room again: the trial starts on its next look
    cleanUp.remove(quota);
    awaitPhase("quota", "Succeeded");
    assertThat(trial("quota-0").getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
  }

  @Test
  void aPodThatViolatesPodSecurityEndsItsTrialsWithPodRejectedAndTheRunEnds() {
    // a service mesh injects its NET_ADMIN init container into the pods of a restricted namespace
    injector = SidecarInjector.start();
    createdYaml(injector.configuration("e2e-mesh-injector", "psa"));
    awaitPodRefused("psa", 403);
    startOperator(Map.of());
    createRun("psa", 2);

    awaitPhase("psa", "Failed");
    assertThat(Runs.trials(admin, "psa")).hasSize(2).allSatisfy(t -> {
      assertThat(t.getStatus().getPhase()).isEqualTo(TrialPhase.FAILED);
      Condition complete = condition(t, Condition.COMPLETE).orElseThrow();
      assertThat(complete.getReason()).isEqualTo("PodRejected");
      assertThat(complete.getMessage()).contains("violates PodSecurity");
    });
    assertThat(eventReasons("psa-0")).contains("PodRejected");
  }

  @Test
  void aPodDeniedByAValidatingAdmissionPolicyEndsItsTrialWithPodRejected() {
    createdYaml("""
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: e2e-trusted-registry}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}
          validations:
            - expression: "object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"
              message: images must come from registry.example.com
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: e2e-trusted-registry}
        spec:
          policyName: e2e-trusted-registry
          validationActions: [Deny]
          matchResources:
            objectSelector: {matchLabels: {decaybench.dev/run: vap}}
        """);
    awaitPodRefused("vap", 422);
    startOperator(Map.of());
    createRun("vap", 1);

    awaitPhase("vap", "Failed");
    Condition complete = condition(trial("vap-0"), Condition.COMPLETE).orElseThrow();
    assertThat(complete.getReason()).isEqualTo("PodRejected");
    assertThat(complete.getMessage()).contains("images must come from registry.example.com");
    assertThat(eventReasons("vap-0")).contains("PodRejected");
  }

  /**
   * Two unreachable webhooks at once (JOSDK's retries take half a minute; they wait side by side):
   * one on pods shows ReconcileFailed on the trial, one on trials shows it on the run; both clear once
   * the webhook is gone.
   */
  @Test
  void anUnreachableWebhookShowsReconcileFailedWhereItBitesUntilItIsFixed() {
    HasMetadata podsHook = unreachableWebhook("e2e-down-pods", "hook-pods", "\"\"", "pods");
    HasMetadata trialsHook = unreachableWebhook("e2e-down-trials", "hook-trials",
        "decaybench.dev, \"\"", "evaluationtrials, pods");
    awaitPodRefused("hook-pods", 500);
    awaitPodRefused("hook-trials", 500);
    startOperator(Map.of());
    createRun("hook-pods", 1);
    createRun("hook-trials", 1);

    // each call fails at once; the operator's client retries it 3 times, JOSDK the reconciliation
    // 5 times with back-off (about 30 s)
    Await.until(Duration.ofSeconds(120), "trial shows ReconcileFailed",
        () -> condition(trial("hook-pods-0"), Condition.PROGRESSING)
            .filter(c -> "ReconcileFailed".equals(c.getReason())).isPresent(),
        () -> String.valueOf(trial("hook-pods-0")));
    Await.until(Duration.ofSeconds(120), "run shows ReconcileFailed",
        () -> condition(Runs.get(admin, "hook-trials"), Condition.DEGRADED)
            .filter(c -> "ReconcileFailed".equals(c.getReason())).isPresent(),
        () -> String.valueOf(Runs.get(admin, "hook-trials").getStatus()));
    assertThat(condition(trial("hook-pods-0"), Condition.PROGRESSING).orElseThrow()
        .getMessage()).contains("failed calling webhook");
    assertThat(eventReasons("hook-pods-0")).contains("ReconcileFailed");
    assertThat(eventReasons("hook-trials")).contains("ReconcileFailed");

    // fixed: the operator's next look succeeds (not in 10 h)
    admin.resource(podsHook).delete();
    admin.resource(trialsHook).delete();
    awaitPhase("hook-pods", "Succeeded");
    awaitPhase("hook-trials", "Succeeded");
    assertThat(condition(Runs.get(admin, "hook-trials"), Condition.DEGRADED).orElseThrow()
        .getReason()).isNotEqualTo("ReconcileFailed");
  }

  private void startOperator(Map<String, String> overrides) {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(80, true, null),
        Duration.ofSeconds(1)));
    Map<String, String> env = new java.util.HashMap<>(overrides);
    env.put("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1");
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(), env);
  }

  private void createRun(String name, int trials) {
    runs.add(name);
    admin.resource(Runs.reference(name, List.of(Framework.FLASK),
        List.of("unconstrained", "postgres").subList(0, trials), 1, trials)).create();
  }

  /** A webhook whose server is down (failurePolicy Fail), for objects labelled with run. */
  private HasMetadata unreachableWebhook(String name, String run, String groups,
      String resources) {
    return createdYaml(WebhookConfigurations.of("ValidatingWebhookConfiguration", name,
        "{url: \"https://127.0.0.1:1/validate\"}", run, groups, resources));
  }

  /** Waits until the admission set-up answers {@code code} to a pod of {@code run}. */
  private void awaitPodRefused(String run, int code) {
    Pod probe = new PodBuilder().withNewMetadata().withName("probe").withNamespace(NS)
        .withLabels(Map.of("decaybench.dev/run", run)).endMetadata()
        .withNewSpec().withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L)
          .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .addNewContainer().withName("c").withImage("busybox")
          .withNewSecurityContext().withAllowPrivilegeEscalation(false)
            .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .endContainer().endSpec().build();
    String[] last = {"admitted"};
    Await.until(Duration.ofSeconds(60), "admission refuses pods of " + run + " with " + code,
        () -> {
          try {
            admin.pods().inNamespace(NS).resource(probe).dryRun().create();
            return false;
          } catch (KubernetesClientException e) {
            last[0] = e.getCode() + " " + e.getMessage();
            return e.getCode() == code;
          }
        }, () -> last[0]);
  }

  private HasMetadata created(HasMetadata object) {
    HasMetadata o = admin.resource(object).create();
    cleanUp.add(o);
    return o;
  }

  private HasMetadata createdYaml(String yaml) {
    List<HasMetadata> objects = admin.load(new ByteArrayInputStream(
        yaml.getBytes(StandardCharsets.UTF_8))).items();
    objects.forEach(this::created);
    return objects.get(0);
  }

  private EvaluationTrial trial(String name) {
    return admin.resources(EvaluationTrial.class).inNamespace(NS).withName(name).get();
  }

  private static Optional<Condition> condition(HasMetadata o, String type) {
    List<Condition> conditions = o instanceof EvaluationTrial t && t.getStatus() != null
        ? t.getStatus().getConditions() : o instanceof EvaluationRun r && r.getStatus() != null
        ? r.getStatus().getConditions() : List.of();
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private List<String> eventReasons(String involved) {
    return admin.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> involved.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason()).toList();
  }

  private void awaitPhase(String run, String phase) {
    Await.until(Duration.ofSeconds(180), "run " + run + " " + phase,
        () -> phase.equals(Runs.phase(Runs.get(admin, run))),
        () -> String.valueOf(Runs.get(admin, run).getStatus()));
  }
}
