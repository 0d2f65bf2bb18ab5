package dev.decaybench.operator.pod;

import static dev.decaybench.operator.pod.PodParts.emptyDir;

import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;

/** The trial pod's volumes: what its containers hand over, and each container's own /tmp. */
final class PodVolumes {

  private PodVolumes() {}

  static List<Volume> all(OperatorConfig config) {
    List<Volume> volumes = new ArrayList<>(List.of(
        emptyDir("workspace", null, null),
        emptyDir("scratch", null, config.scratchSizeLimit()),
        emptyDir(AppSidecar.CONTROL_VOLUME, null, "16Mi"),
        emptyDir(AppSidecar.OUTPUT_VOLUME, null, AppSidecar.OUTPUT_SIZE_LIMIT),
        emptyDir("pgdata", "Memory", "1Gi"),
        emptyDir("pgrun", "Memory", "16Mi"), emptyDir(PostgresSidecar.INIT_VOLUME, null, null),
        emptyDir(PodParts.RUNNER_PRIVATE_MASK, null, "1Mi"),
        RepoCacheStep.volume(config.repoCacheClaim())));
    for (String container : List.of(TrialPodFactory.PREPARE, TrialPodFactory.AGENT,
        TrialPodFactory.POSTGRES, TrialPodFactory.APP_CONTAINER, TrialPodFactory.EVALUATE)) {
      // the app's own /tmp is limited, so an eviction for it names the app (EvictionCause)
      volumes.add(emptyDir(PodParts.privateTmpVolume(container), null,
          container.equals(TrialPodFactory.APP_CONTAINER) ? AppSidecar.TMP_SIZE_LIMIT : null));
    }
    if (config.artifactsClaim().isEmpty()) {
      volumes.add(emptyDir("results", null, null));
    } else {
      volumes.add(new VolumeBuilder().withName("results").withNewPersistentVolumeClaim()
          .withClaimName(config.artifactsClaim()).endPersistentVolumeClaim().build());
    }
    return volumes;
  }

}
