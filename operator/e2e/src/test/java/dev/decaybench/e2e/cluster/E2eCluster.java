package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.testing.FakeKubelet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/**
 * What every e2e test class shares, made once per JVM: the control plane, the chart installed
 * in namespace {@link #NAMESPACE} (watch mode: that namespace), which the API server's
 * PodSecurity admission holds to the restricted profile, and one stand-in node.
 */
public final class E2eCluster {

  public static final String NAMESPACE = "bench";
  public static final String RELEASE = "e2e";
  public static final String NODE = "stand-in-0";

  private static E2eCluster instance;

  private final ControlPlane controlPlane;
  private final ChartRelease release;
  private final StandInNode node;

  private E2eCluster(ControlPlane controlPlane, ChartRelease release, StandInNode node) {
    this.controlPlane = controlPlane;
    this.release = release;
    this.node = node;
  }

  public static synchronized E2eCluster get() {
    if (instance == null) {
      ControlPlane cp = ControlPlane.get();
      try (KubernetesClient admin = cp.admin()) {
        // a kept cluster (DECAYBENCH_E2E_KEEP) starts over: the namespace holds helm's release
        // records too; the CRDs are applied from crds/ so that a changed model is what runs
        admin.nodes().withName(NODE).delete(); // registered again, with today's labels
        CrdsOnServer.apply(admin);
        RestrictedNamespace.recreate(admin, NAMESPACE);
      }
      // trial pods go to the stand-in node only, never to a real node the suite also runs
      ChartRelease release = ChartRelease.install(cp, RELEASE, NAMESPACE,
          Map.of("trials.nodeSelector." + StandInNode.LABEL.replace(".", "\\."),
              StandInNode.LABEL_VALUE));
      StandInNode node = StandInNode.start(cp, NODE,
          pod -> new FakeKubelet.Succeed(null, Duration.ofSeconds(1)));
      instance = new E2eCluster(cp, release, node);
    }
    return instance;
  }

  /** See {@link RestrictedNamespace#delete}. */
  public static void reset(KubernetesClient admin, String namespace) {
    RestrictedNamespace.delete(admin, namespace);
  }

  public ControlPlane controlPlane() {
    return controlPlane;
  }

  public ChartRelease release() {
    return release;
  }

  public StandInNode node() {
    return node;
  }
}
