package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.testing.FakeKubelet;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A node without containers, until the real kubelet exists: registers itself with the node's own
 * credentials, reports Ready with room for many pods, and plays the kubelet for the pods the real
 * scheduler binds to it ({@link FakeKubelet#onNode}). Everything it writes goes through the
 * Node authorizer and NodeRestriction, as a real kubelet's writes do.
 */
public final class StandInNode implements AutoCloseable {

  /** The label of stand-in nodes; the suite's release selects it for its trial pods. */
  public static final String LABEL = "decaybench.dev/node";
  public static final String LABEL_VALUE = "stand-in";

  private final KubernetesClient nodeClient;
  private final String name;
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "stand-in-node-heartbeat");
        t.setDaemon(true);
        return t;
      });
  private final FakeKubelet kubelet;
  private volatile Function<Pod, FakeKubelet.Behaviour> script;

  private StandInNode(KubernetesClient nodeClient, String name,
      Function<Pod, FakeKubelet.Behaviour> script) {
    this.nodeClient = nodeClient;
    this.name = name;
    this.script = script;
    this.kubelet = FakeKubelet.onNode(nodeClient, name, pod -> this.script.apply(pod),
        Duration.ofMillis(100));
  }

  /** Registers node {@code name} and starts playing its kubelet. */
  public static StandInNode start(ControlPlane cluster, String name,
      Function<Pod, FakeKubelet.Behaviour> script) {
    StandInNode node = new StandInNode(cluster.asNode(name), name, script);
    node.register();
    node.kubelet.start();
    return node;
  }

  /** What happens to the pods bound from now on (one node serves the whole suite). */
  public void play(Function<Pod, FakeKubelet.Behaviour> script) {
    this.script = script;
  }

  public FakeKubelet kubelet() {
    return kubelet;
  }

  public String name() {
    return name;
  }

  private void register() {
    Map<String, Quantity> capacity = Map.of("cpu", new Quantity("256"),
        "memory", new Quantity("1Ti"), "pods", new Quantity("2000"),
        "ephemeral-storage", new Quantity("1Ti"));
    Node node = new NodeBuilder().withNewMetadata().withName(name)
        .withLabels(Map.of("kubernetes.io/hostname", name, "kubernetes.io/os", "linux",
            LABEL, LABEL_VALUE))
        .endMetadata().build();
    if (nodeClient.nodes().withName(name).get() == null) {
      nodeClient.nodes().resource(node).create();
    }
    // the controllers touch a new node too (taints, annotations): a 409 means read and try again
    for (int attempt = 1; ; attempt++) {
      try {
        nodeClient.nodes().withName(name).editStatus(n -> {
          n.getStatus().setCapacity(capacity);
          n.getStatus().setAllocatable(capacity);
          n.getStatus().setConditions(List.of(ready()));
          return n;
        });
        break;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 10) {
          throw e;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
    // The node lifecycle controller taints a node whose heartbeat is older than its grace period.
    heartbeat.scheduleAtFixedRate(() -> {
      try {
        nodeClient.nodes().withName(name).editStatus(n -> {
          n.getStatus().setConditions(List.of(ready()));
          return n;
        });
      } catch (RuntimeException e) {
        System.err.println("stand-in node heartbeat: " + e.getMessage());
      }
    }, 10, 10, TimeUnit.SECONDS);
  }

  private static NodeCondition ready() {
    String now = Instant.now().toString();
    return new NodeConditionBuilder().withType("Ready").withStatus("True")
        .withReason("KubeletReady").withMessage("stand-in kubelet is posting ready status")
        .withLastHeartbeatTime(now).withLastTransitionTime(now).build();
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    kubelet.close();
    nodeClient.close();
  }
}
