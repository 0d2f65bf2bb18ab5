package dev.decaybench.operator.testing;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API server's garbage collector, which the mock server lacks: deletes trials and pods whose
 * owner (by uid) no longer exists, as Kubernetes does for owner references.
 */
public final class FakeGarbageCollector implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  public FakeGarbageCollector(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  public FakeGarbageCollector start() {
    timer.scheduleWithFixedDelay(this::collect, 100, 100, TimeUnit.MILLISECONDS);
    return this;
  }

  void collect() {
    try {
      Set<String> uids = new HashSet<>();
      client.resources(EvaluationRun.class).inNamespace(namespace).list().getItems()
          .forEach(r -> uids.add(r.getMetadata().getUid()));
      List<EvaluationTrial> trials = client.resources(EvaluationTrial.class)
          .inNamespace(namespace).list().getItems();
      trials.forEach(t -> uids.add(t.getMetadata().getUid()));
      for (EvaluationTrial t : trials) {
        deleteOrphan(t, uids);
      }
      client.pods().inNamespace(namespace).list().getItems().forEach(p -> deleteOrphan(p, uids));
    } catch (RuntimeException e) {
      // the next round tries again
    }
  }

  private void deleteOrphan(HasMetadata o, Set<String> uids) {
    List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
    if (owners != null && !owners.isEmpty()
        && owners.stream().noneMatch(r -> uids.contains(r.getUid()))) {
      client.resource(o).delete();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
