package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.testing.Crds;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real control plane of operator/e2e/cluster.sh (etcd, kube-apiserver with RBAC, PodSecurity
 * and OwnerReferencesPermissionEnforcement, controller-manager with the garbage collector and
 * namespace controllers, scheduler), one for the whole suite. Started on first use; stopped when
 * the JVM ends if this suite started it (a developer's running cluster is left alone).
 */
public final class ControlPlane {

  private static ControlPlane instance;

  private final Path script;
  private final Path adminKubeconfig;
  private boolean nodeUp;

  private ControlPlane(Path script, Path adminKubeconfig) {
    this.script = script;
    this.adminKubeconfig = adminKubeconfig;
  }

  /** The running control plane; builds and starts it when needed. */
  public static synchronized ControlPlane get() {
    if (instance == null) {
      Path script = repoRoot().resolve("operator/e2e/cluster.sh");
      boolean wasUp = run(script, List.of("status"), false).exitCode() == 0;
      Result up = run(script, List.of("up"), true);
      instance = new ControlPlane(script, Path.of(up.lastLine()));
      if (!wasUp && !"1".equals(System.getenv("DECAYBENCH_E2E_KEEP"))) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> run(script, List.of("down"), false)));
      }
    }
    return instance;
  }

  /**
   * Adds the real node (containerd, runc, CNI bridge, kubelet: cluster.sh up-node) with the
   * project's images built here without a registry (images/build.sh --local-base; buildah's
   * layer cache makes a rebuild after a code change a matter of seconds).
   */
  public synchronized void upNode() {
    if (!nodeUp) {
      Path archives = Path.of(System.getenv().getOrDefault("DECAYBENCH_E2E_IMAGES",
          "/var/cache/decaybench/images/archives"));
      run(repoRoot().resolve("images/build.sh"), List.of("--local-base", "--skip-maven",
          "--archive", archives.toString()), true);
      run(script, List.of("up-node"), true);
      nodeUp = true;
    }
  }

  public Path adminKubeconfig() {
    return adminKubeconfig;
  }

  /** A client with the admin's certificate (system:masters): for setting up and looking. */
  public KubernetesClient admin() {
    return client(adminKubeconfig);
  }

  /** A client with a token of ServiceAccount {@code namespace/name}: RBAC decides. */
  public KubernetesClient asServiceAccount(String namespace, String name) {
    return client(serviceAccountKubeconfig(namespace, name));
  }

  public Path serviceAccountKubeconfig(String namespace, String name) {
    return Path.of(run(script, List.of("kubeconfig", namespace, name), true).lastLine());
  }

  /** A client with a node's certificate (system:node:NAME): the Node authorizer decides. */
  public KubernetesClient asNode(String nodeName) {
    return client(Path.of(run(script, List.of("node-kubeconfig", nodeName), true).lastLine()));
  }

  public static Config config(Path kubeconfig) {
    return Config.fromKubeconfig(kubeconfig.toFile());
  }

  /** Stops the real node's kubelet and starts it again, as an upgrade or a crash would. */
  public void restartKubelet() {
    run(script, List.of("restart-kubelet"), true);
  }

  /** Where cluster.sh keeps the Kubernetes binaries built here, kubectl among them. */
  public Path binaries() {
    return Path.of(run(script, List.of("build"), true).lastLine());
  }

  /** The API server's audit log: one JSON event per write (cluster.sh's policy). */
  public Path auditLog() {
    return adminKubeconfig.getParent().getParent().resolve("logs/audit.log");
  }

  private static KubernetesClient client(Path kubeconfig) {
    return new KubernetesClientBuilder().withConfig(config(kubeconfig)).build();
  }

  /** The repository root: where the operator's test kit finds crds/. */
  public static Path repoRoot() {
    return Crds.directory().getParent();
  }

  record Result(int exitCode, String output) {
    String lastLine() {
      String[] lines = output.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }

  private static Result run(Path script, List<String> args, boolean mustSucceed) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(args);
    try {
      Path log = Files.createTempFile("cluster-sh", ".log");
      Process p = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
      String err = Files.readString(log);
      Files.deleteIfExists(log);
      System.err.print(err);
      if (mustSucceed && p.exitValue() != 0) {
        throw new IllegalStateException("cluster.sh " + String.join(" ", args) + " failed ("
            + p.exitValue() + "):\n" + err + out);
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
