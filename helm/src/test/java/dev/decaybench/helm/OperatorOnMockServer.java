package dev.decaybench.helm;

import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationOptions;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.TaskSelection;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.testing.FakeKubelet;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The real operator ({@link DecaybenchOperator#start}) in this JVM against fabric8's mock API
 * server in CRUD mode, with the chart's CRDs and the operator's test-kit {@link FakeKubelet}. Status is written by
 * JSON patch (the mock server does not implement server-side apply).
 */
final class OperatorOnMockServer implements AutoCloseable {

  static final String NS = "bench";

  static {
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  final KubernetesMockServer server;
  final KubernetesClient client;
  final DecaybenchOperator operator;
  final FakeKubelet kubelet;

  private OperatorOnMockServer(Function<Pod, FakeKubelet.Behaviour> script) {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    server.init();
    client = server.createClient();
    installCrds(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS)
        .endMetadata().build()).create();
    Map<String, String> env = new HashMap<>();
    env.put("DECAYBENCH_NAMESPACES", NS);
    env.put("DECAYBENCH_USE_SSA", "false");
    env.put("DECAYBENCH_METRICS_PORT", "0");
    env.put("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1");
    env.put("DECAYBENCH_POD_START_GRACE_SECONDS", "60");
    env.put("DECAYBENCH_RECONCILE_THREADS", "4");
    operator = DecaybenchOperator.start(OperatorConfig.load(env, List.of()),
        client.getConfiguration(), Clock.systemUTC());
    kubelet = new FakeKubelet(client, NS, script, Duration.ZERO).start();
  }

  static OperatorOnMockServer start(Function<Pod, FakeKubelet.Behaviour> script) {
    return new OperatorOnMockServer(script);
  }

  /** http://127.0.0.1:PORT of /metrics, /healthz, /readyz. */
  String metricsTarget() {
    return "127.0.0.1:" + operator.httpPort();
  }

  EvaluationRun create(EvaluationRun run) {
    return client.resource(run).create();
  }

  EvaluationRun get(String name) {
    return client.resources(EvaluationRun.class).inNamespace(NS).withName(name).get();
  }

  /** A reference-agent run over {@code frameworks} (all their variants when null). */
  static EvaluationRun run(String name, List<Framework> frameworks, List<String> variants,
      int parallelism) {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setAgent(new AgentSpec(AgentType.REFERENCE));
    TaskSelection tasks = new TaskSelection();
    tasks.setFrameworks(frameworks);
    tasks.setVariants(variants);
    spec.setTasks(tasks);
    spec.setRepeats(1);
    spec.setParallelism(parallelism);
    EvaluationOptions options = new EvaluationOptions();
    options.setExtendedSuite(false);
    spec.setEvaluation(options);
    EvaluationRun run = new EvaluationRun(name, spec);
    run.getMetadata().setNamespace(NS);
    return run;
  }

  /** A compact result as the evaluate container writes it. */
  static String result(double aPct, boolean success, String coarse, String subcategory,
      Boolean dataLayer) {
    return compact(aPct, success, coarse, subcategory, dataLayer).toJson();
  }

  private static CompactResult compact(double aPct, boolean success, String coarse,
      String subcategory, Boolean dataLayer) {
    return new CompactResult(aPct, success ? aPct : 0, success ? aPct : 0, success, true,
        (int) Math.round(aPct * 2.9), 290, null, null, success ? List.of() : List.of("postgres"),
        coarse, subcategory, dataLayer, coarse == null ? List.of() : List.of("evidence line"));
  }

  /** The same with what the agent spent, as the evaluate container reports it from agent.json. */
  static String result(double aPct, boolean success, TrialUsage usage) {
    return compact(aPct, success, success ? null : "logic_error", null, null).withUsage(usage)
        .toJson();
  }

  private static void installCrds(KubernetesClient client) {
    try (Stream<Path> files = Files.list(Chart.dir().resolve("crds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
              .load(in).item();
          client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      kubelet.close();
    } finally {
      try {
        operator.close();
      } finally {
        server.destroy();
      }
    }
  }
}
