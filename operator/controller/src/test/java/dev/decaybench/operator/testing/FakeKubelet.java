package dev.decaybench.operator.testing;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A simulated kubelet for the mock API server: watches pods and moves each through Pending →
 * Running → Succeeded/Failed as its {@link Behaviour} says, writing container states (exit codes,
 * reasons, the evaluate container's termination message) like a real kubelet does. Honours
 * activeDeadlineSeconds. Records every pod name it saw and the most pods running at once.
 * A test can keep running pods running until a condition no longer holds ({@link #holdWhile}),
 * so that what it wants to observe happens however slow the machine is, instead of betting on
 * timings.
 */
public final class FakeKubelet implements AutoCloseable {

  /** What happens to a pod. */
  public sealed interface Behaviour {}

  /** Every container exits 0; evaluate leaves {@code message} (a compact result). */
  public record Succeed(String message, Duration runFor) implements Behaviour {}

  /** {@code container} exits with {@code exitCode} (reason Error or OOMKilled): pod Failed. */
  public record FailContainer(String container, int exitCode, String reason, String message,
      Duration runFor) implements Behaviour {}

  /** The node evicts the pod after {@code runFor}. */
  public record Evict(Duration runFor) implements Behaviour {}

  /** Runs until deleted or until its activeDeadlineSeconds. */
  public record Hang() implements Behaviour {}

  /** The runner image cannot be pulled: the pod stays Pending. */
  public record ImagePullBackOff() implements Behaviour {}

  /** Really runs the pod's commands (see {@link RealPodRunner}). */
  public record RunReally(RealPodRunner runner) implements Behaviour {}

  /**
   * The pod's node is lost: the pod runs until its deadline, and a deletion is never confirmed,
   * so on a real API server it stays with a deletionTimestamp (Terminating).
   */
  public record Unresponsive() implements Behaviour {}

  /**
   * The PostgreSQL sidecar never accepts connections. With a startup probe the kubelet starts
   * nothing after it (the pod stays Pending, the sidecar not started); without one, prepare and
   * agent run and evaluate fails as a harness error (exit 3) when it cannot reach PostgreSQL.
   */
  public record SlowPostgres() implements Behaviour {}

  private final KubernetesClient client;
  private final String namespace;
  private final String nodeName;
  private final Function<Pod, Behaviour> script;
  private final Duration startDelay;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-kubelet");
    t.setDaemon(true);
    return t;
  });
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final List<String> seenInOrder = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final AtomicInteger finishedPods = new AtomicInteger();
  private volatile BooleanSupplier hold = () -> false;
  private final Map<String, Boolean> live = new ConcurrentHashMap<>();
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, String> namespaces = new ConcurrentHashMap<>();
  private SharedIndexInformer<Pod> informer;

  /** Plays the kubelet for every pod in {@code namespace} (the mock server has no scheduler). */
  public FakeKubelet(KubernetesClient client, String namespace, Function<Pod, Behaviour> script,
      Duration startDelay) {
    this(client, namespace, null, script, startDelay);
  }

  private FakeKubelet(KubernetesClient client, String namespace, String nodeName,
      Function<Pod, Behaviour> script, Duration startDelay) {
    this.client = client;
    this.namespace = namespace;
    this.nodeName = nodeName;
    this.script = script;
    this.startDelay = startDelay;
  }

  /**
   * Plays the kubelet of node {@code nodeName} on a real API server: only the pods the scheduler
   * bound to it, in any namespace, as a kubelet watches them. {@code client} should authenticate
   * as the node (system:node:NAME), so the server's Node authorizer and NodeRestriction judge
   * every status write.
   */
  public static FakeKubelet onNode(KubernetesClient client, String nodeName,
      Function<Pod, Behaviour> script, Duration startDelay) {
    return new FakeKubelet(client, null, nodeName, script, startDelay);
  }

  public FakeKubelet start() {
    io.fabric8.kubernetes.client.dsl.Informable<Pod> pods = nodeName == null ? client.pods().inNamespace(namespace)
        : client.pods().inAnyNamespace().withField("spec.nodeName", nodeName);
    informer = pods.inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        if (confirmedDeletion(pod)) {
          return;
        }
        String name = pod.getMetadata().getName();
        namespaces.put(name, pod.getMetadata().getNamespace());
        // by uid: a pod re-created under the same name (a re-created run's trial) runs again
        if (seen.add(name + "/" + pod.getMetadata().getUid())) {
          seenInOrder.add(name);
          live.put(name, true);
          pool.submit(() -> run(pod));
        }
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        if (newPod.getMetadata().getDeletionTimestamp() != null) {
          confirmDeletion(newPod);
        }
      }

      @Override
      public void onDelete(Pod pod, boolean unknown) {
        live.remove(pod.getMetadata().getName());
      }
    });
    return this;
  }

  /**
   * As a node's kubelet does: a pod of this node that is being deleted gracefully is gone only
   * once the kubelet has stopped it and deletes it for good (grace period 0). Nothing stops on
   * this node, so at once. (The mock server deletes at once: nothing to do there.)
   */
  private boolean confirmedDeletion(Pod pod) {
    if (nodeName == null || pod.getMetadata().getDeletionTimestamp() == null) {
      return false;
    }
    live.remove(pod.getMetadata().getName());
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
    } catch (RuntimeException e) {
      System.err.println("kubelet: could not delete " + pod.getMetadata().getName() + ": "
          + e.getMessage());
    }
    return true;
  }

  /** Every pod name seen, in order (a name repeats only for a pod re-created under it). */
  public List<String> podsSeen() {
    return List.copyOf(seenInOrder);
  }

  public int maxRunning() {
    return maxRunning.get();
  }

  /** Pods this kubelet has moved to Succeeded or Failed. */
  public int finishedPods() {
    return finishedPods.get();
  }

  /**
   * Running pods stay Running while {@code condition} holds: they neither finish nor hit their
   * activeDeadlineSeconds (a kubelet that is late). At most {@link #HOLD_LIMIT} from a pod's
   * start, so that a broken operator fails the test instead of hanging it. The condition is
   * polled often by every pod: keep it cheap (no API calls).
   */
  public FakeKubelet holdWhile(BooleanSupplier condition) {
    this.hold = condition;
    return this;
  }

  public static final Duration HOLD_LIMIT = Duration.ofMinutes(2);

  /**
   * A graceful deletion (a real API server's: the pod keeps a deletionTimestamp until its node
   * confirms): the containers stop and, as a kubelet does, the node deletes the pod for good.
   */
  private void confirmDeletion(Pod pod) {
    String name = pod.getMetadata().getName();
    if (behaviours.get(name) instanceof Unresponsive || live.remove(name) == null) {
      return;
    }
    try {
      client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name)
          .withGracePeriod(0).delete();
    } catch (KubernetesClientException e) {
      // gone already
    }
  }

  private void run(Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      Behaviour b = script.apply(pod);
      behaviours.put(name, b);
      Thread.sleep(startDelay.toMillis());
      if (b instanceof SlowPostgres && hasPostgresStartupProbe(pod)) {
        Instant started = Instant.now();
        update(name, s -> postgresStarting(s, started));
        return;
      }
      if (b instanceof ImagePullBackOff) {
        update(name, s -> pending(s, "ImagePullBackOff"));
        return;
      }
      Instant started = Instant.now();
      if (!update(name, s -> running(s, started))) {
        return;
      }
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      try {
        Long deadline = pod.getSpec().getActiveDeadlineSeconds();
        if (b instanceof Succeed s) {
          if (sleepAlive(name, s.runFor(), deadline, started)) {
            finish(name, st -> finished(st, started, "Succeeded", null, null, "evaluate", 0,
                null, s.message()));
          }
        } else if (b instanceof FailContainer f) {
          if (sleepAlive(name, f.runFor(), deadline, started)) {
            finish(name, st -> finished(st, started, "Failed", null, null, f.container(),
                f.exitCode(), f.reason(), f.message()));
          }
        } else if (b instanceof Evict e) {
          if (sleepAlive(name, e.runFor(), deadline, started)) {
            finish(name, st -> finished(st, started, "Failed", "Evicted",
                "The node was low on resource: memory.", null, 0, null, null));
          }
        } else if (b instanceof Hang || b instanceof Unresponsive) {
          sleepAlive(name, Duration.ofHours(1), deadline, started);
        } else if (b instanceof SlowPostgres) { // no startup probe: evaluate cannot reach it
          if (sleepAlive(name, Duration.ofSeconds(1), deadline, started)) {
            finish(name, st -> finished(st, started, "Failed", null, null, "evaluate", 3,
                "Error", "harness: PostgreSQL at postgres:5432 is not ready after 60 s"));
          }
        } else if (b instanceof RunReally r) {
          RealPodRunner.Outcome o = r.runner().run(pod);
          if (live.containsKey(name)) {
            update(name, st -> finished(st, started, o.exitCode() == 0 ? "Succeeded" : "Failed",
                null, null, o.container(), o.exitCode(), o.exitCode() == 0 ? null : "Error",
                o.message()));
          }
        }
      } finally {
        running.decrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      e.printStackTrace();
    }
  }

  /**
   * Sleeps while the pod exists, for {@code d} and then as long as it is held; false when it was
   * deleted or hit its deadline (handled).
   */
  private boolean sleepAlive(String name, Duration d, Long deadlineSeconds, Instant started)
      throws InterruptedException {
    long begin = System.currentTimeMillis();
    long end = begin + d.toMillis();
    long holdEnd = begin + HOLD_LIMIT.toMillis();
    long deadline = deadlineSeconds == null ? Long.MAX_VALUE
        : started.toEpochMilli() + deadlineSeconds * 1000;
    while (true) {
      long now = System.currentTimeMillis();
      boolean held = now < holdEnd && hold.getAsBoolean();
      if (now >= end && !held) {
        return live.containsKey(name);
      }
      if (!live.containsKey(name)) {
        return false;
      }
      if (!held && now >= deadline) {
        update(name, st -> finished(st, started, "Failed", "DeadlineExceeded",
            "Pod was active on the node longer than the specified deadline", null, 0, null, null));
        return false;
      }
      Thread.sleep(held ? 20 : Math.min(20, Math.max(1, end - now)));
    }
  }

  private void finish(String name, UnaryOperator<PodStatus> change) {
    if (update(name, change)) {
      finishedPods.incrementAndGet();
    }
  }

  /**
   * Writes the pod's status; false when the pod is gone. A real API server may answer a conflict
   * (someone else wrote the pod meanwhile) or throttle: a kubelet tries again, and so does this.
   */
  private boolean update(String name, UnaryOperator<PodStatus> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.pods().inNamespace(namespaces.get(name)).withName(name).editStatus(p -> {
          PodStatus s = p.getStatus() == null ? new PodStatus() : p.getStatus();
          p.setStatus(change.apply(s));
          return p;
        });
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404 || attempt == 10 || !live.containsKey(name)) {
          if (e.getCode() != 404 && live.containsKey(name)) {
            System.err.println("fake kubelet: status of " + name + " not written: " + e);
          }
          return false;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  private static PodStatus pending(PodStatus s, String waitingReason) {
    s.setPhase("Pending");
    s.setInitContainerStatuses(List.of(new ContainerStatusBuilder().withName("prepare")
        .withNewState().withNewWaiting().withReason(waitingReason)
        .withMessage("Back-off pulling image").endWaiting().endState().build()));
    return s;
  }

  private static boolean hasPostgresStartupProbe(Pod pod) {
    return pod.getSpec().getInitContainers().stream()
        .anyMatch(c -> "postgres".equals(c.getName()) && c.getStartupProbe() != null);
  }

  /**
   * Pending: prepare and the agent are done, the sidecar (started after them) runs but has not
   * passed its startup probe, so evaluate has not started.
   */
  private static PodStatus postgresStarting(PodStatus s, Instant started) {
    s.setPhase("Pending");
    s.setStartTime(started.toString());
    s.setInitContainerStatuses(List.of(exited("prepare", started, 0, null, null),
        exited("agent", started, 0, null, null), new ContainerStatusBuilder().withName("postgres")
        .withStarted(false).withReady(false).withRestartCount(0).withNewState().withNewRunning()
        .withStartedAt(started.toString()).endRunning().endState().build()));
    return s;
  }

  private static PodStatus running(PodStatus s, Instant started) {
    s.setPhase("Running");
    s.setStartTime(started.toString());
    s.setInitContainerStatuses(List.of(exited("prepare", started, 0, null, null),
        exited("agent", started, 0, null, null), runningStatus("postgres", started)));
    s.setContainerStatuses(List.of(runningStatus("evaluate", started)));
    return s;
  }

  private static PodStatus finished(PodStatus s, Instant started, String phase, String reason,
      String message, String container, int exitCode, String exitReason, String exitMessage) {
    s.setPhase(phase);
    s.setReason(reason);
    s.setMessage(message);
    List<ContainerStatus> init = new ArrayList<>();
    boolean beforeFailure = true;
    for (String c : List.of("prepare", "agent")) {
      if (c.equals(container)) {
        init.add(exited(c, started, exitCode, exitReason, exitMessage));
        beforeFailure = false;
      } else if (beforeFailure) {
        init.add(exited(c, started, 0, "Completed", null));
      }
    }
    if (beforeFailure) {
      init.add(exited("postgres", started, 0, "Completed", null));
    }
    s.setInitContainerStatuses(init);
    if (beforeFailure && reason == null) {
      s.setContainerStatuses(List.of("evaluate".equals(container)
          ? exited("evaluate", started, exitCode, exitReason, exitMessage)
          : exited("evaluate", started, 0, "Completed", null)));
    } else {
      s.setContainerStatuses(List.of());
    }
    return s;
  }

  private static ContainerStatus runningStatus(String name, Instant started) {
    return new ContainerStatusBuilder().withName(name).withReady(true).withStarted(true)
        .withNewState()
        .withNewRunning().withStartedAt(started.toString()).endRunning().endState().build();
  }

  private static ContainerStatus exited(String name, Instant started, int exitCode,
      String reason, String message) {
    return new ContainerStatusBuilder().withName(name).withNewState().withNewTerminated()
        .withExitCode(exitCode).withReason(reason == null ? "Completed" : reason)
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
