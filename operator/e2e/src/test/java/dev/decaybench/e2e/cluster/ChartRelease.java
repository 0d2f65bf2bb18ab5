package dev.decaybench.e2e.cluster;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import java.util.Map;

/**
 * The chart (helm/decaybench) installed for real with helm-java: the API server judges every
 * object (RBAC, schema of the CRDs in crds/, admission). The operator's Deployment gets no
 * replicas: there is no image to run on a node yet, so {@link InstalledOperator} runs the same
 * settings in this JVM with the chart's ServiceAccount instead.
 */
public final class ChartRelease {

  private final String name;
  private final String namespace;

  private ChartRelease(String name, String namespace) {
    this.name = name;
    this.namespace = namespace;
  }

  public static ChartRelease install(ControlPlane cluster, String name, String namespace,
      Map<String, Object> values) {
    InstallCommand install = new Helm(ControlPlane.repoRoot().resolve("helm/decaybench"))
        .install().withName(name).withNamespace(namespace).createNamespace()
        .withKubeConfig(cluster.adminKubeconfig()).set("operator.replicas", 0);
    values.forEach(install::set);
    Release release = install.call();
    if (!"deployed".equalsIgnoreCase(release.getStatus())) {
      throw new IllegalStateException("helm install " + name + ": " + release.getStatus());
    }
    return new ChartRelease(name, namespace);
  }

  /** helm upgrade with the same fixed settings as {@link #install} and these values. */
  public void upgrade(ControlPlane cluster, Map<String, Object> values) {
    UpgradeCommand upgrade = new Helm(ControlPlane.repoRoot().resolve("helm/decaybench"))
        .upgrade().withName(name).withNamespace(namespace)
        .withKubeConfig(cluster.adminKubeconfig()).set("operator.replicas", 0);
    values.forEach(upgrade::set);
    Release release = upgrade.call();
    if (!"deployed".equalsIgnoreCase(release.getStatus())) {
      throw new IllegalStateException("helm upgrade " + name + ": " + release.getStatus());
    }
  }

  public void uninstall(ControlPlane cluster) {
    Helm.uninstall(name).withNamespace(namespace).withKubeConfig(cluster.adminKubeconfig())
        .call();
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  /** The objects' full name (release-chart, or the release when it contains the chart name). */
  public String fullname() {
    return name.contains("decaybench") ? name : name + "-decaybench";
  }
}
