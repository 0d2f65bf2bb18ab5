package dev.decaybench.operator.pod;

import static dev.decaybench.operator.pod.PodParts.emptyDir;
import static dev.decaybench.operator.pod.PodParts.env;
import static dev.decaybench.operator.pod.PodParts.mount;

import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the prepare step needs for feature tasks: a writable cache of fetched repository commits
 * (a PersistentVolumeClaim shared by trial pods, so a commit is fetched once per cluster; else an
 * emptyDir per pod) and the run's {@code spec.tasks.repoDirectories} as {@code --repo-dir}.
 */
final class RepoCacheStep {

  static final String VOLUME = "repo-cache";
  static final String PATH = "/var/cache/decaybench";

  private RepoCacheStep() {}

  /** Adds the cache and the repository directories to a prepare container. */
  static ContainerBuilder addTo(ContainerBuilder prepare, List<String> args, EvaluationRunSpec spec) {
    Map<String, String> dirs = spec.getTasks() == null ? null : spec.getTasks().getRepoDirectories();
    List<String> all = new ArrayList<>(args);
    if (dirs != null) {
      dirs.forEach((name, dir) -> all.addAll(List.of("--repo-dir", name + "=" + dir)));
    }
    return prepare.withArgs(all).addToEnv(env("DECAYBENCH_CACHE", PATH)).addToVolumeMounts(mount(VOLUME, PATH));
  }

  static Volume volume(String claim) {
    return claim.isEmpty() ? emptyDir(VOLUME, null, null)
        : new VolumeBuilder().withName(VOLUME).withNewPersistentVolumeClaim().withClaimName(claim)
            .endPersistentVolumeClaim().build();
  }
}
