package dev.decaybench.operator.reconciler;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's status, and only its status: server-side apply of an object that holds nothing
 * but the name and the status (the operator's field manager then owns {@code .status} and no
 * label, annotation or spec field), or a JSON patch of {@code /status} where apply is off.
 *
 * <p>No resourceVersion is sent. The status is derived again from the trials at every
 * reconciliation, and the base it is computed from is the last status this process wrote
 * ({@link StatusBatcher}), so a write can never undo a newer one of ours; with the resourceVersion,
 * anyone annotating or labelling the run (kubectl, GitOps) made every status write conflict and
 * the run never finished.
 */
final class RunStatusWriter {

  static final String FIELD_MANAGER = "decaybench-operator";

  private final boolean useSsa;

  RunStatusWriter(boolean useSsa) {
    this.useSsa = useSsa;
  }

  EvaluationRun write(EvaluationRun run, EvaluationRunStatus status, Context<EvaluationRun> ctx) {
    EvaluationRun updated;
    if (useSsa) {
      EvaluationRun statusOnly = new EvaluationRun();
      statusOnly.setMetadata(new ObjectMetaBuilder().withName(run.getMetadata().getName())
          .withNamespace(run.getMetadata().getNamespace()).build());
      statusOnly.setStatus(status);
      updated = ctx.getClient().resource(statusOnly).subresource("status")
          .patch(new PatchContext.Builder().withPatchType(PatchType.SERVER_SIDE_APPLY)
              .withFieldManager(FIELD_MANAGER).withForce(true).build());
    } else {
      String patch = Serialization.asJson(List.of(Map.of("op", "add", "path", "/status",
          "value", status)));
      updated = ctx.getClient().resources(EvaluationRun.class)
          .inNamespace(run.getMetadata().getNamespace()).withName(run.getMetadata().getName())
          .subresource("status").patch(PatchContext.of(PatchType.JSON), patch);
    }
    // the next reconciliation sees this write even before the informer delivers it
    ctx.eventSourceRetriever().getControllerEventSource()
        .handleRecentResourceUpdate(ResourceID.fromResource(run), updated, run);
    return updated;
  }
}
