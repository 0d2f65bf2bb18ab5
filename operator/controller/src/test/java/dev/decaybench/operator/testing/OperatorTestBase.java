package dev.decaybench.operator.testing;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh mock API server (CRUD mode) per test with the committed CRDs, the operator against it
 * (status by JSON patch: the mock server answers 415 to server-side apply), a fake kubelet and a
 * fake garbage collector when a test asks for them.
 */
@EnableKubernetesMockClient(crud = true, https = false)
public abstract class OperatorTestBase {

  static {
    // the mock web server logs every request at INFO through java.util.logging
    java.util.logging.Logger.getLogger("io.fabric8.mockwebserver")
        .setLevel(java.util.logging.Level.WARNING);
  }

  protected KubernetesMockServer server;
  protected KubernetesClient client;
  protected DecaybenchOperator operator;
  protected FakeKubelet kubelet;
  protected FakeGarbageCollector gc;

  @BeforeEach
  void installCrds() {
    Crds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Runs.NS)
        .endMetadata().build()).create();
  }

  @AfterEach
  void stopEverything() {
    if (operator != null) {
      operator.close();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    if (gc != null) {
      gc.close();
    }
  }

  /** Settings for tests: JSON-patch status, any free port, quick status batches. */
  protected static Map<String, String> testSettings() {
    Map<String, String> env = new HashMap<>();
    env.put("DECAYBENCH_USE_SSA", "false");
    env.put("DECAYBENCH_METRICS_PORT", "0");
    env.put("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1");
    env.put("DECAYBENCH_POD_START_GRACE_SECONDS", "30");
    env.put("DECAYBENCH_RECONCILE_THREADS", "4");
    return env;
  }

  protected DecaybenchOperator startOperator() {
    return startOperator(Map.of());
  }

  protected DecaybenchOperator startOperator(Map<String, String> overrides) {
    Map<String, String> env = testSettings();
    env.putAll(overrides);
    operator = DecaybenchOperator.start(OperatorConfig.load(env, List.of()),
        client.getConfiguration(), Clock.systemUTC());
    return operator;
  }

  protected FakeKubelet startKubelet(Function<Pod, FakeKubelet.Behaviour> script,
      Duration startDelay) {
    kubelet = new FakeKubelet(client, Runs.NS, script, startDelay).start();
    return kubelet;
  }

  protected EvaluationRun create(EvaluationRun run) {
    return client.resource(run).create();
  }

  protected EvaluationRun awaitPhase(String run, String phase, Duration timeout) {
    Await.until(timeout, "run " + run + " in phase " + phase,
        () -> phase.equals(Runs.phase(Runs.get(client, run))),
        () -> String.valueOf(Runs.get(client, run).getStatus() == null ? null
            : io.fabric8.kubernetes.client.utils.Serialization.asYaml(
                Runs.get(client, run).getStatus())));
    return Runs.get(client, run);
  }

  /** A compact result as the evaluate container would write it. */
  protected static String result(double aPct, boolean success, String failure) {
    return Runs.compactResult(aPct, success, failure);
  }
}
