package dev.decaybench.operator.pod;

import dev.decaybench.model.v1alpha1.AgentSpec;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;

/**
 * Small pod fragments the trial pod is assembled from: volumes, mounts, hardened containers, env
 * and arguments.
 */
final class PodParts {

  private PodParts() {}

  static VolumeMount mount(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).build();
  }

  static VolumeMount readOnly(String volume, String path) {
    return new VolumeMountBuilder().withName(volume).withMountPath(path).withReadOnly(true).build();
  }

  /** A container's own /tmp: no container reads what another left there. */
  static VolumeMount privateTmp(String container) {
    return mount(privateTmpVolume(container), "/tmp");
  }

  /**
   * An empty read-only directory over the runner image's private directory (the reference apps
   * and stored solutions only the runner's own steps and built-in agents read): for containers
   * that run code an agent wrote or chose, which run as a uid that could otherwise read it.
   */
  static VolumeMount hideRunnerPrivate() {
    return readOnly(RUNNER_PRIVATE_MASK, RUNNER_PRIVATE_DIR);
  }

  static final String RUNNER_PRIVATE_MASK = "runner-private-mask";
  /** Where the runner images keep it (runner-image/Dockerfile). */
  static final String RUNNER_PRIVATE_DIR = "/opt/decaybench/private";

  static String privateTmpVolume(String container) {
    return "tmp-" + container;
  }

  static Volume emptyDir(String name, String medium, String sizeLimit) {
    return new VolumeBuilder().withName(name).withNewEmptyDir().withMedium(medium)
        .withSizeLimit(sizeLimit == null ? null : new Quantity(sizeLimit)).endEmptyDir().build();
  }

  static SecurityContext hardened(Long uid, boolean readOnlyRoot) {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(readOnlyRoot)
        .withRunAsNonRoot(true)
        .withRunAsUser(uid).withRunAsGroup(uid)
        .withCapabilities(new Capabilities(null, List.of("ALL")))
        .build();
  }

  static void addIfSet(List<EnvVar> env, String name, Object value) {
    if (value != null) {
      env.add(env(name, value.toString()));
    }
  }

  static EnvVar env(String name, String value) {
    return new EnvVar(name, value, null);
  }

  static void addApiKey(List<EnvVar> env, AgentSpec agent) {
    if (agent.getApiKeySecretRef() != null) {
      env.add(new EnvVarBuilder().withName(TrialPodFactory.API_KEY_ENV)
          .withNewValueFrom().withNewSecretKeyRef()
          .withName(agent.getApiKeySecretRef().getName())
          .withKey(agent.getApiKeySecretRef().getKey())
          .endSecretKeyRef().endValueFrom().build());
    }
  }

  static void addOption(List<String> args, String option, Object value) {
    if (value != null) {
      args.add(option);
      args.add(value.toString());
    }
  }
}
