package dev.decaybench.operator;

import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.config.TolerantSerialization;
import dev.decaybench.operator.metrics.ApiRequestCounter;
import dev.decaybench.operator.metrics.HealthServer;
import dev.decaybench.operator.metrics.OperatorMetrics;
import dev.decaybench.operator.plan.ClusterSuite;
import dev.decaybench.operator.pod.PodInspector;
import dev.decaybench.operator.pod.TrialPodFactory;
import dev.decaybench.operator.reconciler.EvaluationRunReconciler;
import dev.decaybench.operator.reconciler.EvaluationTrialReconciler;
import dev.decaybench.operator.reconciler.NetworkPolicyGate;
import dev.decaybench.operator.reconciler.RunAdmission;
import dev.decaybench.operator.reconciler.RunStore;
import dev.decaybench.operator.reconciler.StatusBatcher;
import dev.decaybench.operator.reconciler.TrialSlots;
import dev.decaybench.operator.status.EventRecorder;
import dev.decaybench.operator.status.RunStatusCalculator;
import dev.decaybench.operator.status.RunSummaryCalculator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The operator process, assembled: a Kubernetes client that counts its requests, the two
 * reconcilers with their collaborators (constructor injection, no globals), JOSDK with
 * Micrometer metrics and optional leader election, and the HTTP endpoint.
 */
public final class DecaybenchOperator implements AutoCloseable {

  private final Operator operator;
  private final PrometheusMeterRegistry registry;
  private final ApiRequestCounter requests;
  private final HealthServer http;
  private final KubernetesClient client;
  private final JvmGcMetrics gcMetrics;
  private final String identity;
  private final StatusBatcher batcher;

  /** Retries of one API request (0.1 s, 0.2 s, 0.4 s apart) before JOSDK's own retry takes over. */
  static final int REQUEST_RETRIES = 3;

  private DecaybenchOperator(OperatorConfig config, Config clientConfig, Clock clock) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    this.gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(registry);
    this.requests = new ApiRequestCounter(registry);
    // JOSDK retries a failed reconciliation with back-off; fabric8's own default of 10 retries a
    // request (about 20 s for a 5xx such as a webhook that is down) held a reconcile thread and
    // put the error the user sees minutes later
    Config retrying = new ConfigBuilder(clientConfig).withRequestRetryBackoffLimit(REQUEST_RETRIES)
        .build();
    this.client = new KubernetesClientBuilder().withConfig(retrying)
        .withKubernetesSerialization(TolerantSerialization.create())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor(ApiRequestCounter.NAME,
            requests))
        .build();
    OperatorMetrics metrics = new OperatorMetrics(registry, config.metricsMaxRuns());
    EventRecorder events = new EventRecorder(client, clock);
    TrialSlots slots = new TrialSlots(config.globalParallelism(), clock);
    this.identity = config.leaderElection() ? newIdentity() : null;
    this.batcher = new StatusBatcher(config.statusInterval());
    // a standby's caches hold the same runs: only the leader exports their gauges
    metrics.exporting(!config.leaderElection());

    this.operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withUseSSAToPatchPrimaryResource(config.useSsa())
          .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
          .withConcurrentReconciliationThreads(config.reconcileThreads())
          .withCloseClientOnStop(true);
      if (config.leaderElection()) {
        Duration lease = config.leaseDuration();
        LeaderElectionConfigurationBuilder le = LeaderElectionConfigurationBuilder
            .aLeaderElectionConfiguration(config.leaseName())
            .withIdentity(identity)
            .withLeaseDuration(lease)
            .withRenewDeadline(lease.multipliedBy(2).dividedBy(3))
            .withRetryPeriod(lease.dividedBy(5).isZero() ? Duration.ofSeconds(1)
                : lease.dividedBy(5))
            .withExitOnStopLeading(config.exitOnLostLeadership())
            .withLeaderCallbacks(new LeaderCallbacks(() -> metrics.exporting(true),
                () -> metrics.exporting(false), leader -> { }));
        if (!config.leaseNamespace().isEmpty()) {
          le.withLeaseNamespace(config.leaseNamespace());
        }
        o.withLeaderElectionConfiguration(le.build());
      }
    });
    EvaluationRunReconciler runs = new EvaluationRunReconciler(new RunAdmission(), slots,
        new RunStatusCalculator(), new RunSummaryCalculator(),
        batcher, config.useSsa(), events, metrics,
        new NetworkPolicyGate(config.trialNetworkPolicy()), clock);
    operator.register(runs,
        c -> namespaces(c, config).withItemStore(new RunStore(runs::forget)));
    operator.register(new EvaluationTrialReconciler(config, new TrialPodFactory(config),
        new PodInspector(config.imagePullGrace(), config.unschedulableGrace(),
            config.postgresStartGrace()), events, metrics, clock),
        c -> namespaces(c, config));
    try {
      this.http = new HealthServer(config.metricsPort(), registry, metrics,
          () -> true, this::ready);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + config.metricsPort(), e);
    }
  }

  /** Builds and starts the operator against the cluster {@code clientConfig} points at. */
  public static DecaybenchOperator start(OperatorConfig config, Config clientConfig,
      Clock clock) {
    DecaybenchOperator op = new DecaybenchOperator(config, clientConfig, clock);
    try {
      op.operator.start();
    } catch (RuntimeException e) {
      op.close();
      throw e;
    }
    return op;
  }

  /** The pod's name (HOSTNAME) plus a random suffix: unique even for restarts in one pod. */
  private static String newIdentity() {
    String host = System.getenv("HOSTNAME");
    return (host == null || host.isBlank() ? "decaybench-operator" : host) + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  private static <R extends io.fabric8.kubernetes.api.model.HasMetadata>
      ControllerConfigurationOverrider<R> namespaces(ControllerConfigurationOverrider<R> c,
      OperatorConfig config) {
    return config.namespaces().isEmpty() ? c.watchingAllNamespaces()
        : c.settingNamespaces(config.namespaces());
  }

  /** Ready: started and every informer healthy. */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** This replica's leader-election identity (null without leader election). */
  public String identity() {
    return identity;
  }

  public int httpPort() {
    return http.port();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** What the run reconciler remembers per run (for tests: deleted runs must not stay). */
  public StatusBatcher statusBatcher() {
    return batcher;
  }

  public ApiRequestCounter requests() {
    return requests;
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      http.close();
      client.close();
      gcMetrics.close();
    }
  }
}
