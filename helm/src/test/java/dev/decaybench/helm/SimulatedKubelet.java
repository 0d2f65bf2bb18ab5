package dev.decaybench.helm;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Plays the kubelet for trial pods on the mock API server: each new pod runs (phase Running)
 * and then ends as its {@link Outcome} says, with container states like a real kubelet writes
 * (the evaluate container's termination message carries the compact result). A small version of
 * operator/controller's test FakeKubelet, which is not published as a test-jar.
 */
final class SimulatedKubelet implements AutoCloseable {

  sealed interface Outcome {}

  /** Every container exits 0; evaluate leaves {@code result} (CompactResult JSON). */
  record Succeed(String result, Duration runFor) implements Outcome {}

  /** {@code container} exits 1: the trial fails without a result. */
  record FailContainer(String container, Duration runFor) implements Outcome {}

  /** The node evicts the pod: an infrastructure failure, retried. */
  record Evict(Duration runFor) implements Outcome {}

  /** Runs until deleted. */
  record Hang() implements Outcome {}

  private final KubernetesClient client;
  private final String namespace;
  private final Function<Pod, Outcome> script;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "simulated-kubelet");
    t.setDaemon(true);
    return t;
  });
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Pod> informer;

  SimulatedKubelet(KubernetesClient client, String namespace, Function<Pod, Outcome> script) {
    this.client = client;
    this.namespace = namespace;
    this.script = script;
  }

  SimulatedKubelet start() {
    informer = client.pods().inNamespace(namespace).inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        String name = pod.getMetadata().getName();
        if (seen.add(name)) {
          live.add(name);
          pool.submit(() -> run(pod));
        }
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {}

      @Override
      public void onDelete(Pod pod, boolean unknown) {
        live.remove(pod.getMetadata().getName());
      }
    });
    return this;
  }

  int podsSeen() {
    return seen.size();
  }

  private void run(Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      Outcome outcome = script.apply(pod);
      Instant started = Instant.now();
      update(name, s -> {
        s.setPhase("Running");
        s.setStartTime(started.toString());
        s.setInitContainerStatuses(List.of(exited("prepare", started, 0, null),
            exited("agent", started, 0, null), running("postgres", started)));
        s.setContainerStatuses(List.of(running("evaluate", started)));
        return s;
      });
      if (outcome instanceof Hang) {
        return;
      }
      Duration runFor = outcome instanceof Succeed ok ? ok.runFor()
          : outcome instanceof FailContainer f ? f.runFor()
          : ((Evict) outcome).runFor();
      Thread.sleep(runFor.toMillis());
      if (!live.contains(name)) {
        return;
      }
      update(name, s -> {
        if (outcome instanceof Succeed ok) {
          return finished(s, started, "Succeeded", null, null,
              exited("evaluate", started, 0, ok.result()));
        }
        if (outcome instanceof FailContainer f) {
          PodStatus st = finished(s, started, "Failed", null, null, null);
          st.setInitContainerStatuses(List.of(exited("prepare", started, 0, null),
              exited(f.container(), started, 1, "the agent gave up")));
          return st;
        }
        return finished(s, started, "Failed", "Evicted", "The node was low on resource: memory.",
            null);
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
  }

  private void update(String name, java.util.function.UnaryOperator<PodStatus> change) {
    try {
      client.pods().inNamespace(namespace).withName(name).editStatus(p -> {
        p.setStatus(change.apply(p.getStatus() == null ? new PodStatus() : p.getStatus()));
        return p;
      });
    } catch (KubernetesClientException e) {
      // deleted meanwhile
    }
  }

  private static PodStatus finished(PodStatus s, Instant started, String phase, String reason,
      String message, ContainerStatus evaluate) {
    s.setPhase(phase);
    s.setReason(reason);
    s.setMessage(message);
    List<ContainerStatus> init = new ArrayList<>(List.of(exited("prepare", started, 0, null),
        exited("agent", started, 0, null), exited("postgres", started, 0, null)));
    s.setInitContainerStatuses(init);
    s.setContainerStatuses(evaluate == null ? List.of() : List.of(evaluate));
    return s;
  }

  private static ContainerStatus running(String name, Instant started) {
    return new ContainerStatusBuilder().withName(name).withReady(true).withNewState()
        .withNewRunning().withStartedAt(started.toString()).endRunning().endState().build();
  }

  private static ContainerStatus exited(String name, Instant started, int exitCode,
      String message) {
    return new ContainerStatusBuilder().withName(name).withNewState().withNewTerminated()
        .withExitCode(exitCode).withReason(exitCode == 0 ? "Completed" : "Error")
        .withMessage(message).withStartedAt(started.toString())
        .withFinishedAt(Instant.now().toString()).endTerminated().endState().build();
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
    pool.shutdownNow();
  }
}
