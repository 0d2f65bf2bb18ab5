package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.e2e.cluster.OperatorlessTrial;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.model.result.CompactResult;
import dev.decaybench.operator.pod.PodInspector;
import dev.decaybench.operator.pod.PodVerdict;
import dev.decaybench.operator.pod.TrialPodFactory;
import dev.decaybench.operator.status.Reason;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hostile app in the pod the operator builds, on the real node. The reference agent writes the
 * Flask app, then the agent container swaps its run.sh for one that never serves and instead
 * forges a perfect result wherever the scorer could read it, kills every process it may signal
 * and looks for the evaluator and for a reference app it could serve. The app runs in its own
 * container: it sees neither the results nor the agent's workspace nor the evaluator's processes
 * nor the image's reference apps (the reference agent, before it, did), its uid is not the
 * evaluator's, and the evaluate container's message is the honest A% 0.
 */
class AppBoundaryOnRealNodeTest extends RealClusterTest {

  private static final String FORGED = "{\"aPct\":100.0,\"strictAPct\":100.0,"
      + "\"strictAPctPlus\":100.0,\"success\":true,\"healthy\":true,\"passed\":290,\"total\":290}";

  /** run.sh of the hostile app: its findings go into its own termination message. */
  private static final String HOSTILE_RUN = String.join("\n",
      "#!/usr/bin/env bash",
      "report=\"uid=$(id -u)\"",
      "for d in /results /workspace/app /workspace/prompt.md; do",
      "  if [ -e \"$d\" ]; then report+=\" $d=visible\";",
      "    echo '" + FORGED + "' > \"$d/result.json\" 2>/dev/null && report+=\" $d=written\";",
      "  else report+=\" $d=absent\"; fi",
      "done",
      "n=0; for f in /proc/[0-9]*/cmdline; do",
      "  tr '\\0' ' ' < \"$f\" 2>/dev/null | grep -q ' evaluate ' && n=$((n+1)); done",
      "report+=\" evaluator-processes=$n\"",
      // the reference apps it could serve as its own: in the jar it runs from, or anywhere else
      "report+=\" runner-jar-reference-apps=$(grep -ac 'reference-apps/flask' "
          + "/opt/decaybench/decaybench-runner.jar)\"",
      "report+=\" private-entries=$(ls -A /opt/decaybench/private | wc -l)\"",
      "report+=\" readable-solutions=$(find / -xdev -readable \\( -name '*solutions*.jar'"
          + " -o -path '*/examples/quickstart' -o -path '*/reference-apps/flask*' \\) "
          + "2>/dev/null | wc -l)\"",
      "kill -9 -1 2>/dev/null",
      "echo \"$report\" > /dev/termination-log",
      "echo \"$report\"",
      "exec sleep 3600",
      "");

  RealNodeCluster cluster = RealNodeCluster.get();

  AppBoundaryOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void aHostileAppCannotReachTheScorerItsResultsOrItsMessage() throws Exception {
    try (OperatorlessTrial trial = OperatorlessTrial.create(admin, cluster, "app-boundary")) {
      evaluateHostileApp(trial);
    }
  }

  /**
   * The kubelet evicts the pod when the app fills its log volume; the operator must not take that
   * for the node's failure and try again (the app would fill it again), but fail the trial as the
   * app's.
   */
  @Test
  void anAppThatFillsItsOutputVolumeFailsItsTrialInsteadOfBeingRetried() throws Exception {
    try (OperatorlessTrial trial = OperatorlessTrial.create(admin, cluster, "app-fills-disk")) {
      Pod pod = withHostileRunSh(trial.pod(), String.join("\n", "#!/usr/bin/env bash",
          "head -c 1200M /dev/zero > /app-output/fill", "exec sleep 3600", ""));
      // the evaluator waits for the app long enough for the kubelet to see the volume
      List<String> args = pod.getSpec().getContainers().get(0).getArgs();
      args.set(args.indexOf("--health-timeout") + 1, "240");
      Pod done = trial.runToEnd(pod, Duration.ofMinutes(6));
      System.out.println("the pod: " + done.getStatus().getReason() + ": "
          + done.getStatus().getMessage());

      PodVerdict verdict = new PodInspector(Duration.ofMinutes(5), Duration.ofMinutes(5),
          Duration.ofMinutes(5)).inspect(done, Instant.now());
      assertThat(done.getStatus().getReason()).isEqualTo("Evicted");
      assertThat(verdict.kind()).isEqualTo(PodVerdict.Kind.FAILED);
      assertThat(verdict.reason()).isEqualTo(Reason.DiskLimitExceeded);
      assertThat(verdict.message()).startsWith("the app wrote more than its disk allows")
          .contains("app-output");
    }
  }

  /**
   * The app container's memory limit stops a runaway allocation of run.sh; the app then starts
   * and scores as usual, and the evaluation reports the limit it hit (as the app container's
   * cgroup counted it), as a local trial does.
   */
  @Test
  void aMemoryLimitTheAppHitIsReportedByTheEvaluation() throws Exception {
    try (OperatorlessTrial trial = OperatorlessTrial.create(admin, cluster, "app-memory")) {
      Pod pod = withHostileRunSh(trial.pod(), String.join("\n", "#!/usr/bin/env bash",
          "cd \"$(dirname \"$0\")\"",
          "python3 -c 'x = bytearray(768 << 20); print(\"ALLOCATED\")' || echo MEMORY-STOPPED",
          "exec python3 app.py", ""));
      for (Container c : pod.getSpec().getInitContainers()) {
        if (c.getName().equals(TrialPodFactory.APP_CONTAINER)) {
          c.getResources().getLimits().put("memory", new Quantity("384Mi"));
          c.getResources().getRequests().put("memory", new Quantity("384Mi"));
        }
      }
      Pod done = trial.runToEnd(pod, Duration.ofMinutes(5));
      String message = done.getStatus().getContainerStatuses().get(0).getState().getTerminated()
          .getMessage();
      String log = admin.pods().inNamespace(done.getMetadata().getNamespace())
          .withName(done.getMetadata().getName()).inContainer(TrialPodFactory.EVALUATE).getLog();
      System.out.println("evaluate's log: " + log);
      assertThat(log).contains("limits hit: memory");
      assertThat(CompactResult.parse(message).aPct()).as(message).isEqualTo(100.0);
    }
  }

  /** The real reference agent, then run.sh swapped (after the patch was taken, as an agent could). */
  private static Pod withHostileRunSh(Pod pod, String runSh) {
    for (Container c : pod.getSpec().getInitContainers()) {
      if (c.getName().equals(TrialPodFactory.AGENT)) {
        c.setCommand(new ArrayList<>(List.of("bash", "-c",
            "java -Duser.home=/tmp -jar /opt/decaybench/decaybench-runner.jar \"$@\""
                + " && cat > /workspace/app/run.sh <<'EOF'\n" + runSh + "EOF\n", "agent")));
      }
    }
    return pod;
  }

  private void evaluateHostileApp(OperatorlessTrial trial) throws Exception {
    Pod pod = withHostileRunSh(trial.pod(), HOSTILE_RUN);
    Pod done = trial.runToEnd(pod, Duration.ofMinutes(5));
    ContainerStatus evaluate = done.getStatus().getContainerStatuses().get(0);
    String message = evaluate.getState().getTerminated().getMessage();
    System.out.println("evaluate's message with a hostile app: " + message);
    assertThat(message).as("evaluate's message; the pod's containers: %s",
        done.getStatus().getInitContainerStatuses()).isNotNull();
    CompactResult result = CompactResult.parse(message);
    assertThat(result.passed()).as(message).isZero();
    assertThat(result.aPct()).isZero();
    assertThat(result.success()).isFalse();
    assertThat(message).doesNotContain("\"passed\":290");

    ContainerStatus app = done.getStatus().getInitContainerStatuses().stream()
        .filter(s -> s.getName().equals(TrialPodFactory.APP_CONTAINER)).findFirst().orElseThrow();
    String report = app.getState().getTerminated() == null ? app.getLastState().getTerminated()
        .getMessage() : app.getState().getTerminated().getMessage();
    System.out.println("what the hostile app found: " + report);
    assertThat(report).contains("uid=" + trial.config().appUid(), "/results=absent",
        "/workspace/app=absent", "/workspace/prompt.md=absent",
        "evaluator-processes=0", "runner-jar-reference-apps=0", "private-entries=0",
        "readable-solutions=0");
  }
}
