package dev.decaybench.e2e.cluster;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialSpec;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.pod.TrialPodFactory;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;

/**
 * A reference run with one Flask trial, created with no operator running, for tests that build
 * the factory's pod themselves (probes swapped in) and run it on the real node. Deleted on close,
 * so that a later test's operator never finds it.
 */
public final class OperatorlessTrial implements AutoCloseable {

  private final KubernetesClient admin;
  private final EvaluationRun run;
  private final EvaluationTrial trial;
  private final OperatorConfig config;

  private OperatorlessTrial(KubernetesClient admin, EvaluationRun run, EvaluationTrial trial,
      OperatorConfig config) {
    this.admin = admin;
    this.run = run;
    this.trial = trial;
    this.config = config;
  }

  public static OperatorlessTrial create(KubernetesClient admin, RealNodeCluster cluster,
      String name) {
    OperatorConfig config = OperatorConfig.load(
        InstalledOperator.settings(cluster.controlPlane(), cluster.release()), List.of());
    EvaluationRun run = Runs.reference(name, List.of(Framework.FLASK), List.of("unconstrained"),
        1, 1);
    run.getMetadata().setNamespace(RealNodeCluster.NAMESPACE);
    run = admin.resource(run).create();
    EvaluationTrial trial = new EvaluationTrial();
    trial.getMetadata().setName(name + "-0");
    trial.getMetadata().setNamespace(RealNodeCluster.NAMESPACE);
    EvaluationTrialSpec spec = new EvaluationTrialSpec();
    spec.setRunName(name);
    spec.setTask("flask-openapi-unconstrained");
    spec.setFramework(Framework.FLASK);
    spec.setRepeat(0);
    spec.setAttempt(0);
    trial.setSpec(spec);
    return new OperatorlessTrial(admin, run, admin.resource(trial).create(), config);
  }

  public OperatorConfig config() {
    return config;
  }

  /** The pod the operator would create for this trial's first attempt. */
  public Pod pod() {
    return new TrialPodFactory(config).build(run, trial);
  }

  /** Creates {@code pod} and returns it once it has finished (Succeeded or Failed). */
  public Pod runToEnd(Pod pod, Duration timeout) {
    String name = admin.resource(pod).create().getMetadata().getName();
    Await.until(timeout, "pod " + name + " finished", () -> {
      Pod p = admin.pods().inNamespace(RealNodeCluster.NAMESPACE).withName(name).get();
      return p.getStatus() != null && List.of("Succeeded", "Failed")
          .contains(p.getStatus().getPhase());
    });
    return admin.pods().inNamespace(RealNodeCluster.NAMESPACE).withName(name).get();
  }

  @Override
  public void close() {
    admin.resource(trial).delete();
    admin.resource(run).delete();
  }
}
