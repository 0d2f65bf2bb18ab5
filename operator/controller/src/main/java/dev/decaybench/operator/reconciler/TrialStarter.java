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
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a run's next trials from its plan, as many as the run's parallelism and the global
 * slots allow, at most {@link #MAX_STARTS} at a time (more are started by the next
 * reconciliation at once, so finished trials are not left waiting behind a long batch).
 */
final class TrialStarter {

  private static final Logger LOG = LoggerFactory.getLogger(TrialStarter.class);
  /** Trials created per reconciliation; more free slots are filled by the next one, at once. */
  static final int MAX_STARTS = 50;

  /**
   * Trials created now; {@code blocked} when a name was still taken by a trial of an earlier run
   * of the same name (deleted, its trials not yet collected): look again soon.
   */
  record Started(List<EvaluationTrial> created, boolean blocked) {

    /** Whether free slots may remain: the batch was full. */
    boolean moreToStart() {
      return created.size() == MAX_STARTS;
    }
  }

  private final TrialSlots slots;
  private final OperatorMetrics metrics;

  TrialStarter(TrialSlots slots, OperatorMetrics metrics) {
    this.slots = slots;
    this.metrics = metrics;
  }

  /** @param cache the trials' informer, told of each trial created so the next look sees it */
  Started start(KubernetesClient client, InformerEventSource<EvaluationTrial, EvaluationRun> cache,
      EvaluationRun run, List<PlannedTrial<TaskRef>> plan, Collection<EvaluationTrial> owned) {
    String runName = run.getMetadata().getName();
    String ns = run.getMetadata().getNamespace();
    long active = owned.stream().filter(t -> !TrialResults.isTerminal(t)).count();
    int free = (int) Math.min(MAX_STARTS, Math.max(0, run.getSpec().getParallelism() - active));
    if (free == 0) {
      return new Started(List.of(), false);
    }
    Set<Integer> existing = new HashSet<>();
    owned.forEach(t -> existing.add(TrialNames.index(runName, t.getMetadata().getName())));
    List<String> candidates = new ArrayList<>(free);
    for (PlannedTrial<TaskRef> p : plan) {
      if (candidates.size() == free) {
        break;
      }
      if (!existing.contains(p.index())) {
        candidates.add(ns + "/" + TrialNames.trial(runName, p.index()));
      }
    }
    List<EvaluationTrial> created = new ArrayList<>();
    boolean blocked = false;
    for (String key : slots.claim(candidates, free)) {
      int index = TrialNames.index(runName, key.substring(ns.length() + 1));
      EvaluationTrial trial = newTrial(run, plan.get(index));
      try {
        EvaluationTrial made = client.resource(trial).create();
        cache.handleRecentResourceCreate(ResourceID.fromResource(made), made);
        created.add(made);
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
    return new Started(created, blocked);
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
