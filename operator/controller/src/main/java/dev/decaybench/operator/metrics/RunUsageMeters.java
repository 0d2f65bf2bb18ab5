package dev.decaybench.operator.metrics;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.UsageSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Tokens and cost per run and model, read from each run's status summary, the one aggregation
 * (RunMetrics) that run.json uses too, rather than added up again here: counters
 * {@code decaybench_run_tokens_total{kind=prompt|completion}} and {@code decaybench_run_cost_total},
 * and the gauge {@code decaybench_run_cost_per_success}. Labels: namespace, run (the newest
 * {@code maxRuns} runs only), model ({@code spec.agent.model}, cut to {@link #MAX_MODEL} characters
 * of a safe alphabet). A total the status leaves out (a trial reported nothing) has no series:
 * unknown, never 0.
 */
final class RunUsageMeters {

  static final int MAX_MODEL = 64;
  private static final String TOKENS = "decaybench.run.tokens";
  private static final String COST = "decaybench.run.cost";
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._:/@+-]");

  private record Series(String name, Tags tags) {}

  private final MeterRegistry registry;
  private final MultiGauge costPerSuccess;
  /** Live counters: the value each reads, and the meter to remove when its run goes. */
  private final Map<Series, AtomicReference<Double>> values = new HashMap<>();
  private final Map<Series, Meter> meters = new HashMap<>();

  RunUsageMeters(MeterRegistry registry) {
    this.registry = registry;
    this.costPerSuccess = MultiGauge.builder("decaybench.run.cost.per.success")
        .description("A run's cost divided by its successful trials, at spec.agent.price (newest"
            + " runs only)").register(registry);
  }

  /** The series of these runs (the newest ones); every other run's series are removed. */
  synchronized void update(List<EvaluationRun> runs) {
    Map<Series, Double> wanted = new LinkedHashMap<>();
    List<MultiGauge.Row<?>> perSuccess = new ArrayList<>();
    for (EvaluationRun r : runs) {
      UsageSummary u = r.getStatus() == null || r.getStatus().getSummary() == null ? null
          : r.getStatus().getSummary().getUsage();
      if (u == null) {
        continue;
      }
      Tags tags = Tags.of("namespace", String.valueOf(r.getMetadata().getNamespace()),
          "run", r.getMetadata().getName(), "model", model(r));
      put(wanted, TOKENS, tags.and("kind", "prompt"), u.getPromptTokens());
      put(wanted, TOKENS, tags.and("kind", "completion"), u.getCompletionTokens());
      put(wanted, COST, tags, u.getCost());
      if (u.getCostPerSuccess() != null) {
        perSuccess.add(MultiGauge.Row.of(tags, u.getCostPerSuccess()));
      }
    }
    costPerSuccess.register(perSuccess, true);
    new ArrayList<>(meters.keySet()).stream().filter(s -> !wanted.containsKey(s)).forEach(s -> {
      registry.remove(meters.remove(s));
      values.remove(s);
    });
    wanted.forEach((s, v) -> values.computeIfAbsent(s, this::register).set(v));
  }

  private AtomicReference<Double> register(Series s) {
    AtomicReference<Double> value = new AtomicReference<>(0.0);
    // the counter reads the status's total; the map keeps the holder strongly referenced
    meters.put(s, s.name().equals(TOKENS)
        ? FunctionCounter.builder("decaybench.run.tokens", value, AtomicReference::get)
            .description("Tokens of a run's counted trials by kind, from its status (newest runs"
                + " only)").tags(s.tags()).register(registry)
        : FunctionCounter.builder("decaybench.run.cost", value, AtomicReference::get)
            .description("Cost of a run's counted trials at spec.agent.price, from its status"
                + " (newest runs only)").tags(s.tags()).register(registry));
    return value;
  }

  private static void put(Map<Series, Double> wanted, String name, Tags tags, Number v) {
    if (v != null) {
      wanted.put(new Series(name, tags), v.doubleValue());
    }
  }

  /** The run's model as a bounded label value ("none" without one). */
  static String model(EvaluationRun r) {
    String m = r.getSpec() == null || r.getSpec().getAgent() == null ? null
        : r.getSpec().getAgent().getModel();
    if (m == null || m.isBlank()) {
      return "none";
    }
    String safe = UNSAFE.matcher(m.strip()).replaceAll("_");
    return safe.length() <= MAX_MODEL ? safe : safe.substring(0, MAX_MODEL);
  }
}
