package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.FieldSelector;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Trials start only in namespaces that hold the trial NetworkPolicy (when one is configured):
 * a NetworkPolicy is namespaced, so in cluster-wide mode a run in a namespace the chart did not
 * put it in would run its agent unconfined. The operator does not write policies (that would
 * need cluster-wide write access to them); it waits, says so in the run's status, and starts
 * the trials as soon as the policy appears (watched, by name).
 */
public final class NetworkPolicyGate {

  private final String policyName;

  /** {@code policyName}: the NetworkPolicy required in each run's namespace; empty: none. */
  public NetworkPolicyGate(String policyName) {
    this.policyName = policyName == null ? "" : policyName;
  }

  /** The informer of the policies of that name, which wakes the runs of its namespace. */
  List<EventSource<?, EvaluationRun>> eventSources(EventSourceContext<EvaluationRun> context) {
    if (policyName.isEmpty()) {
      return List.of();
    }
    return List.of(new InformerEventSource<>(InformerEventSourceConfiguration
        .from(NetworkPolicy.class, EvaluationRun.class)
        .withFieldSelector(new FieldSelector(new FieldSelector.Field("metadata.name",
            policyName)))
        .withSecondaryToPrimaryMapper(p -> context.getPrimaryCache()
            .list(p.getMetadata().getNamespace()).map(ResourceID::fromResource)
            .collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((EvaluationRun run) -> Set.of(
            new ResourceID(policyName, run.getMetadata().getNamespace())))
        .withNamespacesInheritedFromController()
        .build(), context));
  }

  /** Why the run's trials may not start yet; null when they may. */
  String missing(EvaluationRun run, Context<EvaluationRun> ctx) {
    if (policyName.isEmpty() || ctx.getSecondaryResource(NetworkPolicy.class).isPresent()) {
      return null;
    }
    return "no NetworkPolicy " + policyName + " in namespace " + run.getMetadata().getNamespace()
        + ": trials start once it exists (helm: add the namespace to networkPolicy.namespaces)";
  }
}
