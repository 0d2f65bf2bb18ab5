package dev.decaybench.operator.pod;

import static dev.decaybench.operator.pod.PodParts.env;
import static dev.decaybench.operator.pod.PodParts.hardened;
import static dev.decaybench.operator.pod.PodParts.mount;
import static dev.decaybench.operator.pod.PodParts.readOnly;

import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;

/**
 * The trial pod's app container: a native sidecar started after PostgreSQL, running
 * {@code decaybench app-host} as a uid of its own. The evaluate container asks it, through two
 * volumes, to run the trial's set-up and app; so the app shares no process namespace, uid,
 * termination message or results volume with the scorer. It mounts the scratch (the app's copy,
 * group-writable through the pod's fsGroup), the requests read-only and its own output volume;
 * never the agent's workspace, the results, the key or the image's reference apps.
 */
final class AppSidecar {

  static final String CONTROL_VOLUME = "app-control";
  static final String OUTPUT_VOLUME = "app-output";
  static final String CONTROL = "/app-control";
  static final String OUTPUT = "/app-output";
  /** The app's log and its set-up's output; the evaluator keeps only a bounded part. */
  static final String OUTPUT_SIZE_LIMIT = "1Gi";
  static final String TMP_SIZE_LIMIT = "1Gi";

  private final OperatorConfig config;

  AppSidecar(OperatorConfig config) {
    this.config = config;
  }

  Container build(String runtimeImage) {
    return new ContainerBuilder()
        .withName(TrialPodFactory.APP_CONTAINER)
        .withImage(runtimeImage)
        .withRestartPolicy("Always")
        .withArgs("app-host", "--control", CONTROL, "--output", OUTPUT)
        // a small JVM that only starts processes; the app's own environment is built anew
        .withEnv(env("HOME", "/tmp"), env("JAVA_TOOL_OPTIONS", "-Xmx96m -Xss512k"))
        .withTerminationMessagePolicy(TrialPodFactory.MESSAGE_FROM_FILE_ONLY)
        .withVolumeMounts(mount("scratch", TrialPodFactory.SCRATCH),
            readOnly(CONTROL_VOLUME, CONTROL), mount(OUTPUT_VOLUME, OUTPUT),
            PodParts.privateTmp(TrialPodFactory.APP_CONTAINER), PodParts.hideRunnerPrivate())
        .withSecurityContext(hardened(config.appUid(), true))
        .withResources(config.appResources())
        .build();
  }
}
