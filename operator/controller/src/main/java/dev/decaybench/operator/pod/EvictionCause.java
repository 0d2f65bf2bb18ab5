package dev.decaybench.operator.pod;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose disk use the kubelet evicted a trial pod for, from its eviction message. A volume or
 * container only the agent's code writes over its limit is that code's doing (an app that fills
 * its log volume, an agent that fills its workspace), not a failure of the node: another
 * attempt would fill it again. The node running short, or the pod's total, names no one.
 */
final class EvictionCause {

  /** The kubelet's messages (pkg/kubelet/eviction/helpers.go). */
  private static final Pattern VOLUME = Pattern.compile("Usage of EmptyDir volume \"([^\"]+)\"");
  private static final Pattern CONTAINER =
      Pattern.compile("Container (\\S+) exceeded its local ephemeral storage limit");

  /** Volumes and containers whose contents the agent's code decides, by who that is. */
  private static final Map<String, String> VOLUMES = Map.of(
      "scratch", "the app", AppSidecar.OUTPUT_VOLUME, "the app",
      PodParts.privateTmpVolume(TrialPodFactory.APP_CONTAINER), "the app",
      "workspace", "the agent", PodParts.privateTmpVolume(TrialPodFactory.AGENT), "the agent");
  private static final Map<String, String> CONTAINERS = Map.of(
      TrialPodFactory.APP_CONTAINER, "the app", TrialPodFactory.AGENT, "the agent");

  private EvictionCause() {}

  /** "the app" or "the agent" when the message blames what one of them wrote. */
  static Optional<String> agentSide(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher volume = VOLUME.matcher(message);
    if (volume.find()) {
      return Optional.ofNullable(VOLUMES.get(volume.group(1)));
    }
    Matcher container = CONTAINER.matcher(message);
    if (container.find()) {
      return Optional.ofNullable(CONTAINERS.get(container.group(1)));
    }
    return Optional.empty();
  }
}
