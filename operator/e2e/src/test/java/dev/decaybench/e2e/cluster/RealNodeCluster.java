package dev.decaybench.e2e.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * The chart installed for trials on the real node (kubelet + containerd, images built here):
 * its own namespace (PodSecurity restricted) and release, trial pods pinned to the real node,
 * PostgreSQL from the image built here (no registry for postgres:16-alpine).
 */
public final class RealNodeCluster {

  public static final String NAMESPACE = "bench-node";
  public static final String RELEASE = "node";
  public static final String NODE = "decaybench-node";

  private static RealNodeCluster instance;

  private final ControlPlane controlPlane;
  private final ChartRelease release;

  private RealNodeCluster(ControlPlane controlPlane, ChartRelease release) {
    this.controlPlane = controlPlane;
    this.release = release;
  }

  public static synchronized RealNodeCluster get() {
    if (instance == null) {
      ControlPlane cp = ControlPlane.get();
      cp.upNode();
      try (KubernetesClient admin = cp.admin()) {
        CrdsOnServer.apply(admin);
        RestrictedNamespace.recreate(admin, NAMESPACE);
      }
      ChartRelease release = ChartRelease.install(cp, RELEASE, NAMESPACE, chartValues());
      instance = new RealNodeCluster(cp, release);
    }
    return instance;
  }

  /** The chart's values for trials on the real node. */
  public static Map<String, Object> chartValues() {
    return Map.of(
        "trials.nodeSelector.kubernetes\\.io/hostname", NODE,
        // the real node's taint (cluster.sh): only these releases' trials may run there
        "trials.tolerations[0].key", "decaybench.dev/real-node",
        "trials.tolerations[0].operator", "Exists",
        "trials.tolerations[0].effect", "NoSchedule",
        "images.postgres.repository", "decaybench/decaybench-postgres",
        "images.postgres.tag", "0.1.0",
        // a trial pod asks for 1.25 CPUs by default: on this 2-core node only one would fit and
        // a run's parallelism of 2 would queue; 0.75 lets two run side by side, as locally
        "trials.resources.evaluate.requests.cpu", "500m");
  }

  public ControlPlane controlPlane() {
    return controlPlane;
  }

  public ChartRelease release() {
    return release;
  }
}
