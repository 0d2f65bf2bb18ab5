package dev.decaybench.operator.reconciler;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.operator.metrics.OperatorMetrics;
import dev.decaybench.operator.plan.TrialNames;
import dev.decaybench.operator.status.TrialResults;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a run's next trials from its plan, as many as the run's parallelism and the global
 * slots allow, at most {@link #MAX_STARTS} at a time (more are started by the next
 * reconciliation at once, so finished trials are not left waiting behind a long batch).
 *
 * <p>A trial this process created that is missing again was deleted: by a user from a live run
 * (started again), or by the garbage collector because the run itself was deleted while the
 * run's cache still shows it. Only the API server can tell the two apart, so the run is read
 * from it before such a trial is started again.
 */
final class TrialStarter {

  private static final Logger LOG = LoggerFactory.getLogger(TrialStarter.class);
  /** Trials created per reconciliation; more free slots are filled by the next one, at once. */
  static final int MAX_STARTS = 50;

  /**
   * Trials created now; {@code blocked} when a name was still taken by a trial of an earlier run
   * of the same name (deleted, its trials not yet collected): look again soon.
   */
  record Started(List<EvaluationTrial> created, boolean blocked, boolean runGone) {

    static Started nothing(boolean runGone) {
      return new Started(List.of(), false, runGone);
    }

    /** Whether free slots may remain: the batch was full. */
    boolean moreToStart() {
      return created.size() == MAX_STARTS;
    }
  }

  private final TrialSlots slots;
  private final OperatorMetrics metrics;
  /** Per run uid, the highest plan index of a trial this process created. */
  private final Map<String, Integer> highestCreated = new ConcurrentHashMap<>();

  TrialStarter(TrialSlots slots, OperatorMetrics metrics) {
    this.slots = slots;
    this.metrics = metrics;
  }

  /**
   * @param onCreated told of each trial created (the trials' informer, so the next look sees it)
   */
  Started start(KubernetesClient client, Consumer<EvaluationTrial> onCreated, EvaluationRun run,
      List<PlannedTrial<TaskRef>> plan, Collection<EvaluationTrial> owned) {
    String runName = run.getMetadata().getName();
    String ns = run.getMetadata().getNamespace();
    long active = owned.stream().filter(t -> !TrialResults.isTerminal(t)).count();
    int free = (int) Math.min(MAX_STARTS, Math.max(0, run.getSpec().getParallelism() - active));
    if (free == 0) {
      return Started.nothing(false);
    }
    Set<Integer> existing = new HashSet<>();
    owned.forEach(t -> existing.add(TrialNames.index(runName, t.getMetadata().getName())));
    List<String> candidates = new ArrayList<>(free);
    int lowest = Integer.MAX_VALUE;
    for (PlannedTrial<TaskRef> p : plan) {
      if (candidates.size() == free) {
        break;
      }
      if (!existing.contains(p.index())) {
        candidates.add(ns + "/" + TrialNames.trial(runName, p.index()));
        lowest = Math.min(lowest, p.index());
      }
    }
    String uid = run.getMetadata().getUid();
    if (lowest <= highestCreated.getOrDefault(uid, -1) && isGone(client, run)) {
      LOG.info("run {}/{} was deleted: its collected trials are not started again", ns, runName);
      return Started.nothing(true);
    }
    return create(client, onCreated, run, plan, candidates, free);
  }

  /** Forgets a run that no longer exists ({@link RunStore} reports it). */
  void forget(String runUid) {
    highestCreated.remove(runUid);
  }

  private Started create(KubernetesClient client, Consumer<EvaluationTrial> onCreated,
      EvaluationRun run, List<PlannedTrial<TaskRef>> plan, List<String> candidates, int free) {
    String runName = run.getMetadata().getName();
    String ns = run.getMetadata().getNamespace();
    List<EvaluationTrial> created = new ArrayList<>();
    boolean blocked = false;
    for (String key : slots.claim(candidates, free)) {
      int index = TrialNames.index(runName, key.substring(ns.length() + 1));
      EvaluationTrial trial = newTrial(run, plan.get(index));
      try {
        EvaluationTrial made = client.resource(trial).create();
        onCreated.accept(made);
        created.add(made);
        highestCreated.merge(run.getMetadata().getUid(), index, Math::max);
      } catch (KubernetesClientException e) {
        slots.release(key);
        if (e.getCode() != 409) {
          throw e;
        }
        // not ours (ours would be in the cache): never count it, wait for its collection
        LOG.info("run {}/{}: trial {} still exists from an earlier run of this name; waiting",
            ns, runName, trial.getMetadata().getName());
        blocked = true;
      }
    }
    if (!created.isEmpty()) {
      LOG.debug("run {}/{}: created {} trials", ns, runName, created.size());
      metrics.trialsCreated(created.size());
    }
    return new Started(created, blocked, false);
  }

  /** Deleted, being deleted, or replaced by a new run of the same name. */
  private static boolean isGone(KubernetesClient client, EvaluationRun run) {
    EvaluationRun now = client.resources(EvaluationRun.class)
        .inNamespace(run.getMetadata().getNamespace()).withName(run.getMetadata().getName()).get();
    return now == null || now.getMetadata().getDeletionTimestamp() != null
        || !Objects.equals(now.getMetadata().getUid(), run.getMetadata().getUid());
  }

  private static EvaluationTrial newTrial(EvaluationRun run, PlannedTrial<TaskRef> p) {
    String runName = run.getMetadata().getName();
    EvaluationTrial t = new EvaluationTrial(TrialNames.trial(runName, p.index()),
        p.toSpec(runName));
    t.getMetadata().setNamespace(run.getMetadata().getNamespace());
    t.getMetadata().setLabels(TrialNames.trialLabels(runName, p.index()));
    t.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder()
        .withApiVersion(run.getApiVersion()).withKind(run.getKind()).withName(runName)
        .withUid(run.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
        .build()));
    return t;
  }
}
