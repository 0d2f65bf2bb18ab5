package dev.decaybench.operator.pod;

import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.v1alpha1.TrialTimings;
import dev.decaybench.operator.status.Reason;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a trial pod's state into a {@link PodVerdict}. Only infrastructure failures are retried:
 * eviction and other disruptions, a lost node or a pod being deleted, an image that cannot be
 * pulled, a pod no node can take or a PostgreSQL sidecar that does not start (each for longer than
 * its grace period), the harness (prepare, evaluate, PostgreSQL) OOM-killed. An agent that fails
 * or is OOM-killed, an app or agent evicted for filling its own volumes, an app that scores badly
 * and a trial over its time limit are final.
 */
public final class PodInspector {

  /** pod.status.reason values of pods the node gave up on. */
  private static final Set<String> DISRUPTION_REASONS = Set.of("Evicted", "Preempting",
      "NodeLost", "Shutdown", "NodeShutdown", "Terminated", "UnexpectedAdmissionError",
      "OutOfcpu", "OutOfmemory", "OutOfpods", "NodeAffinity");
  private static final Set<String> IMAGE_PULL = Set.of("ImagePullBackOff", "ErrImagePull",
      "ErrImageNeverPull", "RegistryUnavailable");
  private static final Set<String> CONFIG_ERRORS = Set.of("CreateContainerConfigError",
      "CreateContainerError", "InvalidImageName");
  private static final int MESSAGE_CHARS = 600;

  /** Exit code of an evaluate container whose share of the trial's time ran out (timeout(1)'s). */
  public static final int EVALUATE_TIMED_OUT = 124;

  private final Duration imagePullGrace;
  private final Duration unschedulableGrace;
  private final Duration postgresStartGrace;

  public PodInspector(Duration imagePullGrace, Duration unschedulableGrace,
      Duration postgresStartGrace) {
    this.imagePullGrace = imagePullGrace;
    this.unschedulableGrace = unschedulableGrace;
    this.postgresStartGrace = postgresStartGrace;
  }

  public PodVerdict inspect(Pod pod, Instant now) {
    PodStatus status = pod.getStatus();
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    return switch (phase) {
      case "Succeeded" -> finished(pod);
      case "Failed" -> failed(pod);
      case "Unknown" -> PodVerdict.retry(Reason.NodeLost, "the pod's node stopped reporting");
      // a live pod being deleted never finishes: its node is lost or someone deletes it
      default -> pod.getMetadata().getDeletionTimestamp() != null
          ? PodVerdict.retry(Reason.PodVanished, "the pod is being deleted (since "
              + pod.getMetadata().getDeletionTimestamp() + ") before it finished: its node was"
              + " lost, or it was deleted")
          : live(pod, now);
    };
  }

  private PodVerdict finished(Pod pod) {
    TrialTimings timings = timings(pod);
    Optional<ContainerStateTerminated> evaluate = terminated(pod, TrialPodFactory.EVALUATE);
    String message = evaluate.map(ContainerStateTerminated::getMessage).orElse(null);
    if (message == null || message.isBlank()) {
      return PodVerdict.failed(Reason.ResultMissing, "the evaluate container ended without a"
          + " result in its termination message", timings);
    }
    try {
      return PodVerdict.evaluated(CompactResult.parse(message.strip()), timings);
    } catch (Exception e) {
      return PodVerdict.failed(Reason.ResultUnreadable, "the termination message is not a"
          + " compact result: " + cut(message), timings);
    }
  }

  private PodVerdict failed(Pod pod) {
    PodStatus status = pod.getStatus();
    String reason = status.getReason();
    TrialTimings timings = timings(pod);
    if ("DeadlineExceeded".equals(reason)) {
      return PodVerdict.failed(Reason.TimedOut, "the trial exceeded its time limit"
          + " (activeDeadlineSeconds " + pod.getSpec().getActiveDeadlineSeconds() + ")", timings);
    }
    Optional<String> culprit = "Evicted".equals(reason)
        ? EvictionCause.agentSide(status.getMessage()) : Optional.empty();
    if (culprit.isPresent()) {
      return PodVerdict.failed(Reason.DiskLimitExceeded, culprit.get() + " wrote more than its"
          + " disk allows: " + cut(status.getMessage()), timings);
    }
    if (reason != null && DISRUPTION_REASONS.contains(reason)) {
      return PodVerdict.retry(reason.equals("Evicted") ? Reason.Evicted : Reason.Disrupted,
          reason + ": " + cut(status.getMessage()));
    }
    Optional<PodCondition> disruption = condition(pod, "DisruptionTarget", "True");
    if (disruption.isPresent()) {
      return PodVerdict.retry(Reason.Disrupted, disruption.get().getReason() + ": "
          + cut(disruption.get().getMessage()));
    }
    for (String name : List.of(TrialPodFactory.PREPARE, TrialPodFactory.AGENT,
        TrialPodFactory.EVALUATE, TrialPodFactory.POSTGRES)) {
      Optional<ContainerStateTerminated> t = terminated(pod, name);
      if (t.isEmpty() || t.get().getExitCode() == null || t.get().getExitCode() == 0) {
        continue;
      }
      String detail = name + " exited with " + t.get().getExitCode()
          + (t.get().getMessage() == null ? "" : ": " + cut(t.get().getMessage()));
      if ("OOMKilled".equals(t.get().getReason())) {
        return name.equals(TrialPodFactory.AGENT)
            ? PodVerdict.failed(Reason.AgentOOMKilled, "the agent ran out of memory", timings)
            : PodVerdict.retry(Reason.HarnessOOMKilled, name + " was OOM-killed");
      }
      return switch (name) {
        case TrialPodFactory.AGENT -> PodVerdict.failed(Reason.AgentFailed, detail, timings);
        case TrialPodFactory.PREPARE -> PodVerdict.failed(Reason.PrepareFailed, detail, timings);
        case TrialPodFactory.EVALUATE -> PodVerdict.failed(switch (t.get().getExitCode()) {
          case 3 -> Reason.HarnessError;
          case EVALUATE_TIMED_OUT -> Reason.TimedOut;
          default -> Reason.EvaluationFailed;
        }, detail, timings);
        default -> PodVerdict.retry(Reason.Disrupted, detail);
      };
    }
    if (terminated(pod, TrialPodFactory.EVALUATE).map(ContainerStateTerminated::getExitCode)
        .filter(code -> code == 0).isPresent()) {
      return finished(pod);
    }
    return PodVerdict.failed(Reason.EvaluationFailed, "the pod failed: "
        + cut(status.getMessage() == null ? String.valueOf(reason) : status.getMessage()), timings);
  }

  private PodVerdict live(Pod pod, Instant now) {
    Duration age = Duration.between(created(pod, now), now);
    for (ContainerStatus cs : allStatuses(pod)) {
      if (cs.getState() == null || cs.getState().getWaiting() == null) {
        continue;
      }
      String waiting = cs.getState().getWaiting().getReason();
      String detail = cs.getName() + ": " + waiting + " "
          + cut(cs.getState().getWaiting().getMessage());
      if (IMAGE_PULL.contains(waiting) || CONFIG_ERRORS.contains(waiting)) {
        return afterGrace(age, imagePullGrace, () -> IMAGE_PULL.contains(waiting)
            ? PodVerdict.retry(Reason.ImagePullBackOff, detail)
            : PodVerdict.failed(Reason.ConfigError, detail, null));
      }
    }
    Optional<PodCondition> unscheduled = condition(pod, "PodScheduled", "False")
        .filter(c -> "Unschedulable".equals(c.getReason()));
    if (unscheduled.isPresent()) {
      return afterGrace(age, unschedulableGrace, () -> PodVerdict.retry(Reason.Unschedulable,
          "no node took the pod for " + unschedulableGrace.toSeconds() + " s: "
              + cut(unscheduled.get().getMessage())));
    }
    Optional<ContainerStatus> postgres = allStatuses(pod).stream()
        .filter(cs -> TrialPodFactory.POSTGRES.equals(cs.getName())
            && Boolean.FALSE.equals(cs.getStarted()))
        .findFirst();
    Optional<Instant> agentDone = terminated(pod, TrialPodFactory.AGENT)
        .map(ContainerStateTerminated::getFinishedAt).map(PodInspector::instant);
    if (postgres.isPresent() && agentDone.isPresent()) {
      // it starts after the agent, and its startup probe holds evaluate back: without it the
      // harness cannot work
      Duration running = Duration.between(agentDone.get(), now);
      return afterGrace(running, postgresStartGrace, () -> PodVerdict.retry(
          Reason.PostgresNotReady, "the PostgreSQL sidecar did not pass its startup probe within "
              + postgresStartGrace.toSeconds() + " s (restarts: "
              + postgres.get().getRestartCount() + ")"));
    }
    return PodVerdict.running(null);
  }

  /** Still running until {@code grace} has passed (look again then), else {@code verdict}. */
  private static PodVerdict afterGrace(Duration waited, Duration grace,
      Supplier<PodVerdict> verdict) {
    return waited.compareTo(grace) < 0 ? PodVerdict.running(grace.minus(waited).plusSeconds(1))
        : verdict.get();
  }

  /** Wall time of the agent and evaluate containers, from their container states. */
  static TrialTimings timings(Pod pod) {
    Double agent = seconds(terminated(pod, TrialPodFactory.AGENT));
    Double evaluate = seconds(terminated(pod, TrialPodFactory.EVALUATE));
    return agent == null && evaluate == null ? null : new TrialTimings(agent, evaluate);
  }

  private static Double seconds(Optional<ContainerStateTerminated> t) {
    if (t.isEmpty() || t.get().getStartedAt() == null || t.get().getFinishedAt() == null) {
      return null;
    }
    try {
      long ms = Duration.between(Instant.parse(t.get().getStartedAt()),
          Instant.parse(t.get().getFinishedAt())).toMillis();
      return ms / 1000.0;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Optional<ContainerStateTerminated> terminated(Pod pod, String container) {
    return allStatuses(pod).stream().filter(cs -> container.equals(cs.getName()))
        .filter(cs -> cs.getState() != null && cs.getState().getTerminated() != null)
        .map(cs -> cs.getState().getTerminated()).findFirst();
  }

  private static List<ContainerStatus> allStatuses(Pod pod) {
    List<ContainerStatus> all = new ArrayList<>();
    if (pod.getStatus() != null) {
      if (pod.getStatus().getInitContainerStatuses() != null) {
        all.addAll(pod.getStatus().getInitContainerStatuses());
      }
      if (pod.getStatus().getContainerStatuses() != null) {
        all.addAll(pod.getStatus().getContainerStatuses());
      }
    }
    return all;
  }

  private static Optional<PodCondition> condition(Pod pod, String type, String status) {
    List<PodCondition> conditions = pod.getStatus() == null ? null
        : pod.getStatus().getConditions();
    return conditions == null ? Optional.empty() : conditions.stream()
        .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus())).findFirst();
  }

  private static Instant instant(String timestamp) {
    try {
      return Instant.parse(timestamp);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The pod's creation time (now when the API server has not set it). */
  public static Instant created(Pod pod, Instant now) {
    String ts = pod.getMetadata().getCreationTimestamp();
    try {
      return ts == null ? now : Instant.parse(ts);
    } catch (RuntimeException e) {
      return now;
    }
  }

  private static String cut(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    return t.length() <= MESSAGE_CHARS ? t : "..." + t.substring(t.length() - MESSAGE_CHARS);
  }
}
