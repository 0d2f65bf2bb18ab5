package dev.decaybench.operator.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.metrics.TrialGrading.Outcome;
import dev.decaybench.operator.pod.PodVerdict.Kind;
import dev.decaybench.operator.status.Reason;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodInspectorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final PodInspector inspector = new PodInspector(Duration.ofMinutes(5),
      Duration.ofMinutes(2), Duration.ofMinutes(3));

  @Test
  void aSucceededPodHandsBackItsCompactResult() {
    String json = "{\"aPct\":93.1,\"strictAPct\":0.0,\"strictAPctPlus\":0.0,\"success\":false,"
        + "\"healthy\":true,\"passed\":270,\"total\":290,\"failedVerifiers\":[\"postgres\"],"
        + "\"failure\":\"logic_error\",\"subcategory\":\"incorrect_query_logic\","
        + "\"dataLayer\":true,\"evidence\":[\"GET /api/articles -> 500\"]}";
    PodVerdict v = inspector.inspect(pod("Succeeded", null,
        List.of(done("prepare", 0, null, null), done("agent", 0, null, null)),
        List.of(done("evaluate", 0, null, json))), T0);
    assertThat(v.kind()).isEqualTo(Kind.EVALUATED);
    assertThat(v.result().aPct()).isEqualTo(93.1);
    assertThat(v.result().failure()).isEqualTo("logic_error");
    assertThat(v.timings().getEvaluateSeconds()).isEqualTo(60.0);
  }

  @Test
  void aMissingOrGarbledResultIsAFailureNotARetry() {
    assertThat(inspector.inspect(pod("Succeeded", null, List.of(),
        List.of(done("evaluate", 0, null, null))), T0).reason()).isEqualTo(Reason.ResultMissing);
    assertThat(inspector.inspect(pod("Succeeded", null, List.of(),
        List.of(done("evaluate", 0, null, "Traceback..."))), T0).reason())
        .isEqualTo(Reason.ResultUnreadable);
  }

  @Test
  void infrastructureFailuresAreRetried() {
    assertRetry(pod("Failed", "Evicted", List.of(), List.of()), Reason.Evicted);
    assertRetry(pod("Failed", "NodeShutdown", List.of(), List.of()), Reason.Disrupted);
    assertRetry(pod("Unknown", null, List.of(), List.of()), Reason.NodeLost);
    assertRetry(pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 0, null, null)), List.of(done("evaluate", 137, "OOMKilled", null))),
        Reason.HarnessOOMKilled);
    assertRetry(pod("Failed", null, List.of(done("prepare", 137, "OOMKilled", null)), List.of()),
        Reason.HarnessOOMKilled);
    Pod disrupted = pod("Failed", null, List.of(), List.of());
    disrupted.getStatus().setConditions(List.of(new PodConditionBuilder()
        .withType("DisruptionTarget").withStatus("True").withReason("PreemptionByScheduler")
        .build()));
    assertRetry(disrupted, Reason.Disrupted);
  }

  @Test
  void agentAppAndTimeLimitFailuresAreFinal() {
    assertFailed(pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 1, "Error", "model refused"))), Reason.AgentFailed);
    assertFailed(pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 137, "OOMKilled", null))), Reason.AgentOOMKilled);
    assertFailed(pod("Failed", null, List.of(done("prepare", 2, "Error", "unknown task"))),
        Reason.PrepareFailed);
    assertFailed(pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 0, null, null)), List.of(done("evaluate", 3, "Error", "harness"))),
        Reason.HarnessError);
    assertFailed(pod("Failed", "DeadlineExceeded", List.of(), List.of()), Reason.TimedOut);
  }

  @Test
  void anEvictionForWhatTheAppOrTheAgentWroteIsTheirFailureNotTheNodes() {
    for (String message : List.of(
        "Usage of EmptyDir volume \"app-output\" exceeds the limit \"1Gi\". ",
        "Usage of EmptyDir volume \"scratch\" exceeds the limit \"8Gi\". ",
        "Usage of EmptyDir volume \"tmp-app\" exceeds the limit \"1Gi\". ",
        "Container app exceeded its local ephemeral storage limit \"8Gi\". ")) {
      PodVerdict v = inspector.inspect(evicted(message), T0);
      assertThat(v.kind()).as(message).isEqualTo(Kind.FAILED);
      assertThat(v.reason()).isEqualTo(Reason.DiskLimitExceeded);
      assertThat(v.reason().outcome()).isEqualTo(Outcome.AGENT_FAILURE);
      assertThat(v.message()).startsWith("the app wrote more than its disk allows").contains(message.strip());
    }
    assertThat(inspector.inspect(evicted(
        "Usage of EmptyDir volume \"workspace\" exceeds the limit \"2Gi\". "), T0).message())
        .startsWith("the agent wrote more than its disk allows");
    // the node short of disk, the pod's total, the harness's own volumes: the node's trouble
    for (String message : List.of("The node was low on resource: ephemeral-storage. ",
        "Pod ephemeral local storage usage exceeds the total limit of containers 20Gi. ",
        "Usage of EmptyDir volume \"pgdata\" exceeds the limit \"1Gi\". ",
        "Container evaluate exceeded its local ephemeral storage limit \"2Gi\". ")) {
      assertRetry(evicted(message), Reason.Evicted);
    }
  }

  private static Pod evicted(String message) {
    Pod p = pod("Failed", "Evicted", List.of(), List.of());
    p.getStatus().setMessage(message);
    return p;
  }

  @Test
  void anImagePullBackOffIsRetriedOnlyAfterTheGracePeriod() {
    Pod p = pod("Pending", null, List.of(new ContainerStatusBuilder().withName("prepare")
        .withNewState().withNewWaiting().withReason("ImagePullBackOff").endWaiting().endState()
        .build()), List.of());
    PodVerdict early = inspector.inspect(p, T0.plusSeconds(60));
    assertThat(early.kind()).isEqualTo(Kind.RUNNING);
    assertThat(early.recheckAfter()).isEqualTo(Duration.ofSeconds(241));
    assertRetry(p, Reason.ImagePullBackOff, T0.plusSeconds(301));

    Pod secret = pod("Pending", null, List.of(new ContainerStatusBuilder().withName("agent")
        .withNewState().withNewWaiting().withReason("CreateContainerConfigError")
        .withMessage("secret \"llm\" not found").endWaiting().endState().build()), List.of());
    assertThat(inspector.inspect(secret, T0.plusSeconds(301)).reason())
        .isEqualTo(Reason.ConfigError);
  }

  @Test
  void anUnschedulablePodIsRetriedAfterItsGraceWithTheSchedulersMessage() {
    Pod p = pod("Pending", null, List.of(), List.of());
    p.getStatus().setConditions(List.of(new PodConditionBuilder().withType("PodScheduled")
        .withStatus("False").withReason("Unschedulable")
        .withMessage("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.")
        .build()));
    PodVerdict early = inspector.inspect(p, T0.plusSeconds(60));
    assertThat(early.kind()).isEqualTo(Kind.RUNNING);
    assertThat(early.recheckAfter()).isEqualTo(Duration.ofSeconds(61));
    assertRetry(p, Reason.Unschedulable, T0.plusSeconds(120));
    assertThat(inspector.inspect(p, T0.plusSeconds(120)).message())
        .contains("didn't match Pod's node affinity/selector");
  }

  @Test
  void aLivePodBeingDeletedIsRetriedButAFinishedOneKeepsItsResult() {
    Pod deleting = pod("Running", null, List.of(), List.of());
    deleting.getMetadata().setDeletionTimestamp(T0.plusSeconds(30).toString());
    assertRetry(deleting, Reason.PodVanished);
    Pod finished = pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 1, "Error", "model refused")));
    finished.getMetadata().setDeletionTimestamp(T0.plusSeconds(30).toString());
    assertFailed(finished, Reason.AgentFailed);
  }

  @Test
  void aPostgresSidecarThatDoesNotStartIsRetriedAfterItsGraceCountedFromTheAgentsEnd() {
    ContainerStatus notStarted = new ContainerStatusBuilder().withName("postgres")
        .withStarted(false).withReady(false).withRestartCount(2).withNewState().withNewRunning()
        .endRunning().endState().build();
    Pod p = pod("Pending", null, List.of(done("prepare", 0, null, null),
        done("agent", 0, null, null), notStarted), List.of());
    p.getStatus().setStartTime(T0.plusSeconds(10).toString());
    // the agent ended at T0 + 60 s; the grace is 180 s
    assertThat(inspector.inspect(p, T0.plusSeconds(230)).kind()).isEqualTo(Kind.RUNNING);
    assertRetry(p, Reason.PostgresNotReady, T0.plusSeconds(250));
  }

  @Test
  void aPostgresSidecarWaitingForALongAgentIsNotAFailure() {
    // the sidecar starts only after the agent, however long the agent works
    Pod p = pod("Pending", null, List.of(done("prepare", 0, null, null),
        new ContainerStatusBuilder().withName("agent").withStarted(true).withNewState()
            .withNewRunning().withStartedAt(T0.toString()).endRunning().endState().build(),
        new ContainerStatusBuilder().withName("postgres").withStarted(false).withNewState()
            .withNewWaiting().withReason("PodInitializing").endWaiting().endState().build()));
    p.getStatus().setStartTime(T0.toString());
    assertThat(inspector.inspect(p, T0.plusSeconds(3000)).kind()).isEqualTo(Kind.RUNNING);
  }

  @Test
  void anEvaluationWhoseShareOfTheTimeRanOutIsATimeOut() {
    assertFailed(pod("Failed", null, List.of(done("prepare", 0, null, null),
        done("agent", 0, null, null)), List.of(done("evaluate", 124, "Error", "time ran out"))),
        Reason.TimedOut);
  }

  @Test
  void aRunningPodIsRunning() {
    assertThat(inspector.inspect(pod("Running", null, List.of(), List.of()), T0).kind())
        .isEqualTo(Kind.RUNNING);
  }

  private void assertRetry(Pod p, Reason reason) {
    assertRetry(p, reason, T0);
  }

  private void assertRetry(Pod p, Reason reason, Instant now) {
    PodVerdict v = inspector.inspect(p, now);
    assertThat(v.kind()).as(v.toString()).isEqualTo(Kind.RETRY);
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(reason.isInfrastructure()).isTrue();
  }

  private void assertFailed(Pod p, Reason reason) {
    PodVerdict v = inspector.inspect(p, T0);
    assertThat(v.kind()).as(v.toString()).isEqualTo(Kind.FAILED);
    assertThat(v.reason()).isEqualTo(reason);
    assertThat(reason.isInfrastructure()).isFalse();
  }

  private static Pod pod(String phase, String reason, List<ContainerStatus> init) {
    return pod(phase, reason, init, List.of());
  }

  private static Pod pod(String phase, String reason, List<ContainerStatus> init,
      List<ContainerStatus> main) {
    return new PodBuilder().withNewMetadata().withName("t-0-a0")
        .withCreationTimestamp(T0.toString()).endMetadata()
        .withNewSpec().withActiveDeadlineSeconds(600L).endSpec()
        .withNewStatus().withPhase(phase).withReason(reason).withInitContainerStatuses(init)
        .withContainerStatuses(main).endStatus().build();
  }

  private static ContainerStatus done(String name, int exit, String reason, String message) {
    return new ContainerStatusBuilder().withName(name).withNewState().withNewTerminated()
        .withExitCode(exit).withReason(reason).withMessage(message)
        .withStartedAt(T0.toString()).withFinishedAt(T0.plusSeconds(60).toString())
        .endTerminated().endState().build();
  }
}
