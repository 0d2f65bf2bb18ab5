package dev.decaybench.model.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One trial of a run: one task x constraint variant x repeat, owned by its {@link EvaluationRun}
 * (owner reference). Each attempt runs in its own pod; only infrastructure failures get another
 * attempt.
 */
@Group(EvaluationRun.GROUP)
@Version(EvaluationRun.VERSION)
@Plural("evaluationtrials")
@Singular("evaluationtrial")
@ShortNames("evaltrial")
@Categories("decaybench")
@AdditionalPrinterColumn(name = "Run", jsonPath = ".spec.runName",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Task", jsonPath = ".spec.task",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Level", jsonPath = ".spec.level",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Repeat", jsonPath = ".spec.repeat",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Attempt", jsonPath = ".spec.attempt",
    type = AdditionalPrinterColumn.Type.INTEGER, priority = 1)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "A%", jsonPath = ".status.aPct",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Strict A%", jsonPath = ".status.strictAPct",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Failure", jsonPath = ".status.failure.coarse",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Pod", jsonPath = ".status.podName",
    type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class EvaluationTrial extends CustomResource<EvaluationTrialSpec, EvaluationTrialStatus>
    implements Namespaced {

  public static final String KIND = "EvaluationTrial";
  public static final String CRD_NAME = "evaluationtrials." + EvaluationRun.GROUP;

  public EvaluationTrial() {}

  public EvaluationTrial(String name, EvaluationTrialSpec spec) {
    getMetadata().setName(name);
    setSpec(spec);
  }
}
