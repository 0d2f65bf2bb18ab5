package dev.decaybench.operator.metrics;

import dev.decaybench.model.metrics.TrialGrading;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.GroupSummary;
import dev.decaybench.model.v1alpha1.RunPhase;
import dev.decaybench.model.v1alpha1.RunSummary;
import dev.decaybench.model.v1alpha1.TrialCounts;
import dev.decaybench.operator.status.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code decaybench_*} meters. Every label set is bounded: phases and reasons are enums,
 * failure classes are the taxonomy's (at most {@link #MAX_CLASSES}, the rest count as
 * {@code other}), levels and frameworks are fixed, and per-run series exist for the newest
 * {@code maxRuns} runs only, rebuilt from the run cache before each scrape ({@link #refresh}).
 * With leader election only the leader exports the run and trial gauges: a standby's cache holds
 * the same runs, and dashboards {@code sum()} over replicas.
 */
public class OperatorMetrics {

  static final int MAX_CLASSES = 24;
  private static final Pattern CLASS_NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

  private final MeterRegistry registry;
  private final int maxRuns;
  private final MultiGauge runsByPhase;
  private final MultiGauge runAPct;
  private final MultiGauge runStrictAPct;
  private final MultiGauge runTrials;
  private final MultiGauge runDataLayerShare;
  private final RunUsageMeters usage;
  private final MultiGauge activeTrials;
  private final MultiGauge activeTrialsLimit;
  private final Map<String, Counter> failureClasses = new ConcurrentHashMap<>();
  private volatile Supplier<Stream<EvaluationRun>> runs = Stream::empty;
  private volatile Supplier<Number> active = () -> 0;
  private volatile int activeLimit;
  private volatile boolean exporting = true;

  public OperatorMetrics(MeterRegistry registry, int maxRuns) {
    this.registry = registry;
    this.maxRuns = maxRuns;
    this.runsByPhase = MultiGauge.builder("decaybench.runs")
        .description("EvaluationRuns by phase").register(registry);
    this.runAPct = MultiGauge.builder("decaybench.run.a.percent")
        .description("A% of a run: overall, per level and per framework (newest runs only)")
        .register(registry);
    this.runStrictAPct = MultiGauge.builder("decaybench.run.strict.a.percent")
        .description("Strict A% of a run: overall, per level and per framework (newest runs"
            + " only)").register(registry);
    this.runTrials = MultiGauge.builder("decaybench.run.trials")
        .description("Trials of a run by state (newest runs only)").register(registry);
    this.runDataLayerShare = MultiGauge.builder("decaybench.run.data.layer.share")
        .description("Share of a run's classified failures in the data layer (newest runs only)")
        .register(registry);
    this.usage = new RunUsageMeters(registry);
    this.activeTrials = MultiGauge.builder("decaybench.trials.active")
        .description("Unfinished trials over all runs (the global parallelism in use)")
        .register(registry);
    this.activeTrialsLimit = MultiGauge.builder("decaybench.trials.active.limit")
        .description("The operator's global parallelism limit").register(registry);
  }

  /**
   * Whether this replica exports the run and trial gauges: true without leader election, else
   * only while it leads.
   */
  public void exporting(boolean exporting) {
    this.exporting = exporting;
  }

  /** Where the runs come from: the run controller's informer cache. */
  public void bindRuns(Supplier<Stream<EvaluationRun>> runs) {
    this.runs = runs;
  }

  /** Where the trials running now over all runs come from, and the global limit. */
  public void bindActiveTrials(Supplier<Number> active, int limit) {
    this.active = active;
    this.activeLimit = limit;
  }

  /** A trial reached Evaluated or Failed; its outcome tag follows the grading rule. */
  public void trialFinished(EvaluationTrial trial, Reason reason, Duration duration) {
    TrialGrading.Count count = reason.outcome().count();
    boolean evaluated = count == TrialGrading.Count.SCORED;
    boolean success = evaluated && Boolean.TRUE.equals(trial.getStatus().getSuccess());
    String outcome = success ? "success"
        : count == TrialGrading.Count.EXCLUDED ? "failed" : "unsuccessful";
    Counter.builder("decaybench.trials.finished")
        .description("Finished trials by outcome (success; unsuccessful: counted but not a"
            + " success, including agent failures and time-outs at A% 0; failed: left out of the"
            + " metrics, a harness or infrastructure failure) and reason")
        .tags("outcome", outcome, "reason", reason.name()).register(registry).increment();
    Timer.builder("decaybench.trial.duration")
        .description("Wall time of a trial's last attempt, pod creation to result")
        .tags("outcome", outcome).register(registry).record(duration);
    if (outcome.equals("unsuccessful")) {
      String coarse = !evaluated ? TrialGrading.NO_SERVICE_CLASS
          : trial.getStatus().getFailure() == null ? "unclassified"
          : trial.getStatus().getFailure().getCoarse();
      failureClass(coarse).increment();
    }
  }

  /** An attempt failed for an infrastructure reason and another one starts. */
  public void trialRetried(Reason reason) {
    Counter.builder("decaybench.trial.retries")
        .description("Extra attempts after infrastructure failures, by reason")
        .tags("reason", reason.name()).register(registry).increment();
  }

  /** Trials created by the run reconciler. */
  public void trialsCreated(int n) {
    // not "...created": Prometheus reads a _created suffix as a counter's creation time
    Counter.builder("decaybench.trials.started").description("EvaluationTrials created")
        .register(registry).increment(n);
  }

  private Counter failureClass(String coarse) {
    String name = coarse != null && CLASS_NAME.matcher(coarse).matches() ? coarse : "other";
    if (!failureClasses.containsKey(name) && failureClasses.size() >= MAX_CLASSES) {
      name = "other";
    }
    return failureClasses.computeIfAbsent(name, n -> Counter.builder("decaybench.trial.failure"
        + ".classes").description("Evaluated trials that are not a success, by failure class")
        .tags("class", n).register(registry));
  }

  /** Rebuilds the run gauges from the run cache (call before a scrape). */
  public void refresh() {
    boolean export = exporting;
    List<EvaluationRun> all = export ? runs.get().toList() : List.of();
    activeTrials.register(export ? List.of(MultiGauge.Row.of(Tags.empty(),
        active.get().doubleValue())) : List.of(), true);
    activeTrialsLimit.register(export ? List.of(MultiGauge.Row.of(Tags.empty(), activeLimit))
        : List.of(), true);
    Map<RunPhase, Integer> byPhase = new EnumMap<>(RunPhase.class);
    for (RunPhase p : RunPhase.values()) {
      byPhase.put(p, 0);
    }
    for (EvaluationRun r : all) {
      RunPhase p = r.getStatus() == null || r.getStatus().getPhase() == null ? RunPhase.PENDING
          : r.getStatus().getPhase();
      byPhase.merge(p, 1, Integer::sum);
    }
    runsByPhase.register(!export ? List.of() : byPhase.entrySet().stream().map(e -> MultiGauge
        .Row.of(Tags.of("phase", e.getKey().value()), e.getValue())).toList(), true);

    List<MultiGauge.Row<?>> a = new ArrayList<>();
    List<MultiGauge.Row<?>> strict = new ArrayList<>();
    List<MultiGauge.Row<?>> trials = new ArrayList<>();
    List<MultiGauge.Row<?>> dataLayer = new ArrayList<>();
    List<EvaluationRun> newest = all.stream()
        .sorted(Comparator.comparing((EvaluationRun r) -> String.valueOf(
            r.getMetadata().getCreationTimestamp())).reversed())
        .limit(maxRuns).toList();
    newest.forEach(r -> runRows(r, a, strict, trials, dataLayer));
    usage.update(newest);
    runAPct.register(a, true);
    runDataLayerShare.register(dataLayer, true);
    runStrictAPct.register(strict, true);
    runTrials.register(trials, true);
  }

  private static void runRows(EvaluationRun r, List<MultiGauge.Row<?>> a,
      List<MultiGauge.Row<?>> strict, List<MultiGauge.Row<?>> trials,
      List<MultiGauge.Row<?>> dataLayer) {
    Tags run = Tags.of("namespace", String.valueOf(r.getMetadata().getNamespace()),
        "run", r.getMetadata().getName());
    if (r.getStatus() == null) {
      return;
    }
    TrialCounts c = r.getStatus().getTrials();
    if (c != null) {
      Map<String, Integer> states = Map.of("pending", c.getPending(), "running", c.getRunning(),
          "evaluated", c.getEvaluated(), "failed", c.getFailed());
      states.forEach((state, n) -> trials.add(MultiGauge.Row.of(run.and("state", state), n)));
    }
    RunSummary s = r.getStatus().getSummary();
    if (s == null) {
      return;
    }
    add(a, run.and("scope", "overall", "group", "all"), s.getAPct());
    add(strict, run.and("scope", "overall", "group", "all"), s.getStrictAPct());
    add(dataLayer, run, s.getDataLayerShare());
    groups(s.getPerLevel(), "level", run, a, strict);
    groups(s.getPerFramework(), "framework", run, a, strict);
  }

  private static final Set<String> LEVELS = Set.of("L0", "L1", "L2", "L3");

  private static void groups(Map<String, GroupSummary> groups, String scope, Tags run,
      List<MultiGauge.Row<?>> a, List<MultiGauge.Row<?>> strict) {
    if (groups == null) {
      return;
    }
    groups.forEach((key, g) -> {
      if (scope.equals("level") ? LEVELS.contains(key) : CLASS_NAME.matcher(key).matches()) {
        add(a, run.and("scope", scope, "group", key), g.getAPct());
        add(strict, run.and("scope", scope, "group", key), g.getStrictAPct());
      }
    });
  }

  private static void add(List<MultiGauge.Row<?>> rows, Tags tags, Double value) {
    if (value != null) {
      rows.add(MultiGauge.Row.of(tags, value));
    }
  }
}
