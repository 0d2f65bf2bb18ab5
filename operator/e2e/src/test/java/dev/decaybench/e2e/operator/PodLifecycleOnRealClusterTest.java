package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationOptions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.model.v1alpha1.TrialPhase;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.status.TrialResults;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.RealPodRunner;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a trial pod's life on a real cluster means for its trial: the real scheduler decides
 * whether a pod gets a node, the API server keeps a deleted pod until its node confirms, and the
 * stand-in node plays the kubelet (a lost node never confirms a deletion; a pod can also be run
 * for real, to see how its containers share the trial's time).
 */
class PodLifecycleOnRealClusterTest {

  private static final Duration LIMIT = Duration.ofSeconds(150);

  private final E2eCluster e2e = E2eCluster.get();
  private final KubernetesClient admin = e2e.controlPlane().admin();
  private DecaybenchOperator operator;

  @AfterEach
  void stop() {
    e2e.node().kubelet().holdWhile(() -> false);
    if (operator != null) {
      operator.close();
    }
    // a pod on a "lost" node stays Terminating: remove it as an administrator would
    admin.pods().inNamespace(Runs.NS).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() != null)
        .forEach(p -> admin.pods().resource(p).withGracePeriod(0).delete());
    admin.close();
  }

  @Test
  void anUnschedulablePodIsRetriedThenFailsWithTheSchedulersMessage() {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(90, true, null),
        Duration.ofSeconds(1)));
    // no node has this label; before the fix the pod waited out trialSeconds and was TimedOut
    start(Map.of("DECAYBENCH_NODE_SELECTOR", "decaybench.dev/pool=nowhere",
        "DECAYBENCH_UNSCHEDULABLE_GRACE_SECONDS", "2", "DECAYBENCH_MAX_ATTEMPTS", "2",
        "DECAYBENCH_POD_START_GRACE_SECONDS", "1"));
    admin.resource(Runs.withTimeouts(Runs.reference("nowhere", List.of(Framework.FLASK),
        List.of("postgres"), 1, 1), 20, null)).create();

    EvaluationTrial trial = awaitFinished("nowhere");
    assertThat(trial.getStatus().getPhase()).isEqualTo(TrialPhase.FAILED);
    assertThat(TrialResults.reason(trial)).isEqualTo("AttemptsExhausted");
    assertThat(trial.getStatus().getMessage()).contains("Unschedulable")
        .contains("didn't match Pod's node affinity/selector");
    assertRetriedOnce(trial, "Unschedulable");
  }

  @Test
  void aPodBeingDeletedOnALostNodeIsRetriedNotLeftRunning() {
    e2e.node().play(pod -> pod.getMetadata().getName().endsWith("-a0")
        ? new FakeKubelet.Unresponsive()
        : new FakeKubelet.Succeed(Runs.compactResult(80, true, null), Duration.ofSeconds(1)));
    start(Map.of());
    admin.resource(Runs.withTimeouts(Runs.reference("lostnode", List.of(Framework.FLASK),
        List.of("postgres"), 1, 1), 600, null)).create();
    Await.until(LIMIT, "pod lostnode-0-a0 running", () -> "Running".equals(
        phase(admin.pods().inNamespace(Runs.NS).withName("lostnode-0-a0").get())));

    // graceful deletion: the server sets deletionTimestamp, the lost node never confirms
    admin.pods().inNamespace(Runs.NS).withName("lostnode-0-a0").delete();

    EvaluationTrial trial = awaitFinished("lostnode");
    assertThat(trial.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
    assertRetriedOnce(trial, "PodVanished");
  }

  @Test
  void whenARunEndsItsRunningPodsGoAndOnlyFailedTrialsPodsAreKept() {
    e2e.node().play(pod -> pod.getMetadata().getName().startsWith("keep-0-")
        ? new FakeKubelet.FailContainer("agent", 1, "Error", "the agent gave up",
            Duration.ofSeconds(1))
        : new FakeKubelet.Hang());
    start(Map.of());
    EvaluationRun run = Runs.withTimeouts(Runs.reference("keep", List.of(Framework.FLASK),
        List.of("postgres", "sqlite"), 1, 2), 20, 20);
    EvaluationOptions keep = run.getSpec().getEvaluation();
    keep.setKeepFailedPods(true);
    admin.resource(run).create();
    Await.until(LIMIT, "trial keep-0 failed", () -> TrialResults.isTerminal(trial("keep")));
    // the other pod is still running when the run ends, however late its node is
    e2e.node().kubelet().holdWhile(() -> true);

    awaitRunPhase("keep", "Failed");
    Await.until(LIMIT, "only the failed trial's pod kept",
        () -> Runs.pods(admin, "keep").stream().map(p -> p.getMetadata().getName()).toList()
            .equals(List.of("keep-0-a0")),
        () -> Runs.pods(admin, "keep").stream().map(p -> p.getMetadata().getName() + "="
            + phase(p)).toList().toString());
    assertThat(phase(Runs.pods(admin, "keep").get(0))).isEqualTo("Failed");
  }

  @Test
  void aPostgresSidecarThatDoesNotStartIsRetriedNotAHarnessError() {
    e2e.node().play(pod -> pod.getMetadata().getName().endsWith("-a0")
        ? new FakeKubelet.SlowPostgres()
        : new FakeKubelet.Succeed(Runs.compactResult(70, true, null), Duration.ofSeconds(1)));
    start(Map.of("DECAYBENCH_POSTGRES_START_GRACE_SECONDS", "3"));
    admin.resource(Runs.reference("slowpg", List.of(Framework.FLASK), List.of("postgres"), 1,
        1)).create();

    EvaluationTrial trial = awaitFinished("slowpg");
    assertThat(trial.getStatus().getPhase()).isEqualTo(TrialPhase.EVALUATED);
    assertRetriedOnce(trial, "PostgresNotReady");
  }

  @Test
  void cancellingARunStopsItsTrialsAndEndsItCancelled() {
    e2e.node().play(pod -> new FakeKubelet.Hang());
    start(Map.of());
    admin.resource(Runs.reference("cancelme", List.of(Framework.FLASK),
        List.of("postgres", "sqlite", "unconstrained"), 1, 2)).create();
    Await.until(LIMIT, "two pods running", () -> Runs.pods(admin, "cancelme").stream()
        .filter(p -> "Running".equals(phase(p))).count() == 2);

    admin.resources(EvaluationRun.class).inNamespace(Runs.NS).withName("cancelme")
        .edit(r -> {
          r.getSpec().setCancel(true);
          return r;
        });

    awaitRunPhase("cancelme", "Cancelled");
    EvaluationRun run = Runs.get(admin, "cancelme");
    assertThat(run.getStatus().getConditions()).anySatisfy(c -> {
      assertThat(c.getType()).isEqualTo("Complete");
      assertThat(c.getStatus()).isEqualTo("True");
      assertThat(c.getReason()).isEqualTo("RunCancelled");
    });
    Await.until(LIMIT, "the cancelled run's pods deleted",
        () -> Runs.pods(admin, "cancelme").isEmpty());
    Await.until(LIMIT, "RunCancelled event", () -> events("cancelme").stream()
        .anyMatch(e -> "RunCancelled".equals(e.getReason()) && "Normal".equals(e.getType())));
    Await.until(LIMIT, "unfinished trials stopped", () -> Runs.trials(admin, "cancelme")
        .stream().allMatch(TrialResults::isTerminal));
    assertThat(Runs.trials(admin, "cancelme")).hasSize(2)
        .allSatisfy(t -> assertThat(TrialResults.reason(t)).isEqualTo("RunEnded"));
  }

  @Test
  void aDeletedRunIsForgottenByTheStatusBatcher() {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(90, true, null),
        Duration.ofSeconds(1)));
    start(Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    admin.resource(Runs.reference("forgotten", List.of(Framework.FLASK), List.of("postgres"),
        1, 1)).create();
    awaitRunPhase("forgotten", "Succeeded");
    String uid = Runs.get(admin, "forgotten").getMetadata().getUid();
    assertThat(operator.statusBatcher().lastWritten(uid)).isNotNull();

    admin.resources(EvaluationRun.class).inNamespace(Runs.NS).withName("forgotten").delete();

    Await.until(LIMIT, "the deleted run forgotten",
        () -> operator.statusBatcher().lastWritten(uid) == null);
  }

  @Test
  void anAgentThatUsedTheWholeTrialLeavesTheEvaluationNoTime(@TempDir Path pods) {
    // the node runs the admitted pod for real: prepare, agent and evaluate through the CLI
    RealPodRunner runner = new RealPodRunner(pods);
    e2e.node().play(pod -> new FakeKubelet.RunReally(runner));
    start(Map.of());
    EvaluationRun run = Runs.reference("budget", List.of(Framework.FLASK),
        List.of("unconstrained"), 1, 1);
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("sleep", "9")); // of a 8 s trial
    run.getSpec().setAgent(agent);
    // a command agent on a cluster names the image its CLI is in: sleep is in the runner image
    dev.decaybench.model.v1alpha1.Images images = new dev.decaybench.model.v1alpha1.Images();
    images.setRunner(dev.decaybench.operator.config.OperatorConfig.defaults().runnerImage());
    run.getSpec().setImages(images);
    // before the fix evaluate got 8 s of its own: enough to score the empty app (health 2 s)
    run.getSpec().setTimeouts(new Timeouts(8, null, 2));
    admin.resource(run).create();

    EvaluationTrial trial = awaitFinished("budget");
    assertThat(TrialResults.reason(trial)).isEqualTo("TimedOut");
    assertThat(trial.getStatus().getMessage()).contains("evaluate exited with 124");
  }

  private void start(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    env.putAll(overrides);
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(), env);
  }

  private static void assertRetriedOnce(EvaluationTrial trial, String reason) {
    assertThat(trial.getSpec().getAttempt()).isEqualTo(1);
    assertThat(trial.getMetadata().getAnnotations().get(TrialNames.RETRY_REASON_ANNOTATION))
        .startsWith(reason);
  }

  private EvaluationTrial awaitFinished(String run) {
    Await.until(LIMIT, "trial " + run + "-0 finished", () -> TrialResults.isTerminal(trial(run)),
        () -> String.valueOf(trial(run)));
    return trial(run);
  }

  private EvaluationTrial trial(String run) {
    return admin.resources(EvaluationTrial.class).inNamespace(Runs.NS).withName(run + "-0")
        .get();
  }

  private void awaitRunPhase(String run, String phase) {
    Await.until(LIMIT, "run " + run + " " + phase,
        () -> phase.equals(Runs.phase(Runs.get(admin, run))),
        () -> String.valueOf(Runs.get(admin, run).getStatus()));
  }

  private List<Event> events(String run) {
    return admin.v1().events().inNamespace(Runs.NS)
        .withField("involvedObject.name", run).list().getItems();
  }

  private static String phase(Pod pod) {
    return pod == null || pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
