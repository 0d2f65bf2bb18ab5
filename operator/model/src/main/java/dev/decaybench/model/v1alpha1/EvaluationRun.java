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
 * One evaluation: tasks x constraint variants x repeats, run by one agent. The very YAML a user
 * {@code kubectl apply}s is what {@code decaybench run -f} reads locally (see
 * {@link dev.decaybench.model.manifest.ManifestReader}). The status holds aggregates only; the
 * per-trial facts live on {@link EvaluationTrial} objects owned by the run.
 */
@Group(EvaluationRun.GROUP)
@Version(EvaluationRun.VERSION)
@Plural("evaluationruns")
@Singular("evaluationrun")
@ShortNames("evalrun")
@Categories("decaybench")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Progress", jsonPath = ".status.progress",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "A%", jsonPath = ".status.summary.aPct",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Strict A%", jsonPath = ".status.summary.strictAPct",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class EvaluationRun extends CustomResource<EvaluationRunSpec, EvaluationRunStatus>
    implements Namespaced {

  public static final String GROUP = "decaybench.dev";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "EvaluationRun";
  /** The CRD's name, also the base name of its generated YAML file. */
  public static final String CRD_NAME = "evaluationruns." + GROUP;

  public EvaluationRun() {}

  public EvaluationRun(String name, EvaluationRunSpec spec) {
    getMetadata().setName(name);
    setSpec(spec);
  }
}
