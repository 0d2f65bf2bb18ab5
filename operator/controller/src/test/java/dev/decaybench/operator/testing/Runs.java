package dev.decaybench.operator.testing;

import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationOptions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import dev.decaybench.model.v1alpha1.Timeouts;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Builders for test runs and short reads of the cluster's state. */
public final class Runs {

  public static final String NS = "bench";

  private Runs() {}

  /** A reference-agent run of {@code frameworks} x {@code variants} x {@code repeats}. */
  public static EvaluationRun reference(String name, List<Framework> frameworks,
      List<String> variants, int repeats, int parallelism) {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setAgent(new AgentSpec(AgentType.REFERENCE));
    TaskSelection tasks = new TaskSelection();
    tasks.setFrameworks(frameworks);
    tasks.setVariants(variants);
    spec.setTasks(tasks);
    spec.setRepeats(repeats);
    spec.setParallelism(parallelism);
    EvaluationOptions options = new EvaluationOptions();
    options.setExtendedSuite(false);
    spec.setEvaluation(options);
    EvaluationRun run = new EvaluationRun(name, spec);
    run.getMetadata().setNamespace(NS);
    return run;
  }

  /** A run of {@code n} tasks of flask/express (10 variants each, up to 16 tasks) x repeats. */
  public static EvaluationRun sized(String name, int tasksWanted, int repeats, int parallelism) {
    List<Framework> fws = tasksWanted <= 10 ? List.of(Framework.FLASK)
        : List.of(Framework.FLASK, Framework.EXPRESS);
    EvaluationRun run = reference(name, fws, null, repeats, parallelism);
    return run;
  }

  public static EvaluationRun withTimeouts(EvaluationRun run, Integer trialSeconds,
      Integer runSeconds) {
    run.getSpec().setTimeouts(new Timeouts(trialSeconds, runSeconds, null));
    return run;
  }

  public static EvaluationRun get(KubernetesClient client, String name) {
    return client.resources(EvaluationRun.class).inNamespace(NS).withName(name).get();
  }

  public static List<EvaluationTrial> trials(KubernetesClient client, String run) {
    return client.resources(EvaluationTrial.class).inNamespace(NS)
        .withLabel("decaybench.dev/run", run).list().getItems();
  }

  public static List<Pod> pods(KubernetesClient client, String run) {
    return client.pods().inNamespace(NS).withLabel("decaybench.dev/run", run).list().getItems();
  }

  /** A compact result as the evaluate container would write it. */
  public static String compactResult(double aPct, boolean success, String failure) {
    return new CompactResult(aPct, success ? aPct : 0, success ? aPct : 0, success, true,
        (int) Math.round(aPct * 2.9), 290, null, null,
        success ? List.of() : List.of("postgres"), failure, null, failure == null ? null : false,
        failure == null ? List.of() : List.of("evidence line")).toJson();
  }

  public static String phase(EvaluationRun run) {
    return run == null || run.getStatus() == null || run.getStatus().getPhase() == null ? null
        : run.getStatus().getPhase().value();
  }
}
