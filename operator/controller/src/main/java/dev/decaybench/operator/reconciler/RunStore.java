package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The run informer's cache, which reports each run that leaves it (deleted, or replaced by a new
 * run of the same name) to {@code gone}. Without a finalizer JOSDK calls no reconciler for a
 * deletion, and what the operator remembers per run (status batches, trials created) must go
 * with the run.
 */
public final class RunStore implements ItemStore<EvaluationRun> {

  private final ItemStore<EvaluationRun> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final Consumer<String> gone;

  /** {@code gone} receives the uid of each run that left the cache. */
  public RunStore(Consumer<String> gone) {
    this.gone = gone;
  }

  @Override
  public EvaluationRun put(String key, EvaluationRun run) {
    EvaluationRun before = items.put(key, run);
    if (before != null && !Objects.equals(before.getMetadata().getUid(),
        run.getMetadata().getUid())) {
      gone.accept(before.getMetadata().getUid());
    }
    return before;
  }

  @Override
  public EvaluationRun remove(String key) {
    EvaluationRun removed = items.remove(key);
    if (removed != null) {
      gone.accept(removed.getMetadata().getUid());
    }
    return removed;
  }

  @Override
  public String getKey(EvaluationRun run) {
    return items.getKey(run);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet();
  }

  @Override
  public Stream<EvaluationRun> values() {
    return items.values();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public EvaluationRun get(String key) {
    return items.get(key);
  }
}
