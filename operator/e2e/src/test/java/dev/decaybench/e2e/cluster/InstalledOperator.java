package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator as the installed chart configures it: the settings are read from the Deployment
 * the API server holds (its container's environment), the credentials are a token of the
 * Deployment's ServiceAccount, so a permission the chart's RBAC lacks is a real 403.
 */
public final class InstalledOperator {

  private InstalledOperator() {}

  /** The operator in this JVM. */
  public static DecaybenchOperator start(ControlPlane cluster, ChartRelease release,
      Map<String, String> overrides) {
    Map<String, String> env = settings(cluster, release);
    env.putAll(overrides);
    return DecaybenchOperator.start(OperatorConfig.load(env, List.of()),
        ControlPlane.config(kubeconfig(cluster, release)), Clock.systemUTC());
  }

  /** The operator container's environment as installed (metrics on any free port). */
  public static Map<String, String> settings(ControlPlane cluster, ChartRelease release) {
    Map<String, String> env = new HashMap<>();
    for (EnvVar e : podSpec(cluster, release).getContainers().get(0).getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), e.getValue());
      } else if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null
          && "metadata.namespace".equals(e.getValueFrom().getFieldRef().getFieldPath())) {
        env.put(e.getName(), release.namespace());
      }
    }
    env.put("DECAYBENCH_METRICS_PORT", "0"); // several operators may share this host
    return env;
  }

  /** A kubeconfig with a token of the Deployment's ServiceAccount. */
  public static Path kubeconfig(ControlPlane cluster, ChartRelease release) {
    return cluster.serviceAccountKubeconfig(release.namespace(),
        podSpec(cluster, release).getServiceAccountName());
  }

  private static PodSpec podSpec(ControlPlane cluster, ChartRelease release) {
    try (KubernetesClient admin = cluster.admin()) {
      return admin.apps().deployments().inNamespace(release.namespace())
          .withName(release.fullname()).require().getSpec().getTemplate().getSpec();
    }
  }
}
