package dev.decaybench.helm;

import dev.decaybench.operator.reconciler.EvaluationRunReconciler;
import dev.decaybench.operator.reconciler.EvaluationTrialReconciler;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names the operator exports, derived without running it:
 * <ul>
 *   <li>decaybench_*: every {@code Counter/Timer/Gauge/MultiGauge/DistributionSummary.builder("…")}
 *       in operator/controller/src/main/java (string concatenations of literals joined);</li>
 *   <li>JOSDK: the meter names of {@link MicrometerMetrics} (read from the constants of the jar on
 *       the class path) for the operator's two controllers;</li>
 *   <li>JVM/system binders the operator's sources instantiate ({@code new JvmMemoryMetrics()}, …).</li>
 * </ul>
 * Each meter is registered in a {@link PrometheusMeterRegistry} with the same type (timers with a
 * histogram when the source asks for one) and the scrape's sample names are the result, so the
 * Prometheus naming (_total, _seconds_count, _bucket, …) is Micrometer's own.
 */
final class OperatorMetricNames {

  private static final Pattern BUILDER = Pattern.compile(
      "\\b(Counter|FunctionCounter|Timer|Gauge|MultiGauge|DistributionSummary)\\.builder\\(\\s*"
          + "((?:\"[^\"]*\"\\s*\\+?\\s*)+)");
  private static final Pattern BINDER = Pattern.compile(
      "new\\s+((?:Jvm|Processor|Uptime|ClassLoader|FileDescriptor|Process)\\w*Metrics)\\s*\\(\\s*\\)");
  private static final List<String> BINDER_PACKAGES = List.of(
      "io.micrometer.core.instrument.binder.jvm.", "io.micrometer.core.instrument.binder.system.");

  private OperatorMetricNames() {}

  static Path sources() {
    return Chart.repoRoot().resolve("operator/controller/src/main/java");
  }

  /** All exported sample names (e.g. decaybench_trials_finished_total, jvm_memory_used_bytes). */
  static Set<String> exported() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    String all = allSources();
    registerDecaybench(registry, all);
    registerJosdk(registry);
    registerBinders(registry, all);
    return sampleNames(registry.scrape());
  }

  /**
   * The decaybench meters named in the operator's sources (Micrometer names, e.g.
   * decaybench.runs) with the Prometheus sample names each one exports.
   */
  static Map<String, Set<String>> decaybenchMeters() {
    Map<String, Set<String>> out = new TreeMap<>();
    String src = allSources();
    Matcher m = BUILDER.matcher(src);
    while (m.find()) {
      PrometheusMeterRegistry alone = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      register(alone, src, m);
      out.put(literal(m.group(2)), sampleNames(alone.scrape()));
    }
    return out;
  }

  static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }

  private static void registerDecaybench(MeterRegistry registry, String src) {
    Matcher m = BUILDER.matcher(src);
    int found = 0;
    while (m.find()) {
      register(registry, src, m);
      found++;
    }
    if (found == 0) {
      throw new IllegalStateException("no meter builders found under " + sources());
    }
  }

  private static void register(MeterRegistry registry, String src, Matcher m) {
    {
      String name = literal(m.group(2));
      int register = src.indexOf(".register(", m.end());
      String chain = register < 0 ? "" : src.substring(m.end(), register);
      boolean histogram = chain.contains("publishPercentileHistogram")
          || chain.contains("serviceLevelObjectives");
      switch (m.group(1)) {
        case "Counter" -> Counter.builder(name).register(registry).increment();
        case "FunctionCounter" -> FunctionCounter.builder(name, new double[] {1}, v -> v[0])
            .register(registry);
        case "Timer" -> {
          Timer.Builder b = Timer.builder(name);
          if (histogram) {
            b.publishPercentileHistogram();
          }
          b.register(registry).record(java.time.Duration.ofMillis(1));
        }
        case "DistributionSummary" -> {
          DistributionSummary.Builder b = DistributionSummary.builder(name);
          if (histogram) {
            b.publishPercentileHistogram();
          }
          b.register(registry).record(1);
        }
        default -> Gauge.builder(name, () -> 1).register(registry);
      }
    }
  }

  private static void registerJosdk(MeterRegistry registry) {
    String prefix = constant("PREFIX");
    for (String counter : List.of(constant("RECONCILIATIONS_FAILED"),
        constant("RECONCILIATIONS_SUCCESS"), constant("RECONCILIATIONS_STARTED"),
        constant("EVENTS_RECEIVED"), constant("EVENTS_DELETE"))) {
      Counter.builder(prefix + counter).register(registry).increment();
    }
    // timeControllerExecution: the execution name is "reconcile" (or "cleanup" for Cleaners)
    String exec = prefix + constant("CONTROLLERS_EXECUTION") + "reconcile";
    Timer.builder(exec).publishPercentiles(0.3, 0.5, 0.95).publishPercentileHistogram()
        .register(registry).record(java.time.Duration.ofMillis(1));
    Counter.builder(exec + constant("SUCCESS_SUFFIX")).register(registry).increment();
    Counter.builder(exec + constant("FAILURE_SUFFIX")).register(registry).increment();
    for (String controller : List.of(EvaluationRunReconciler.NAME, EvaluationTrialReconciler.NAME)) {
      Gauge.builder(constant("RECONCILIATIONS_EXECUTIONS") + controller, () -> 0)
          .register(registry);
      Gauge.builder(constant("RECONCILIATIONS_QUEUE_SIZE") + controller, () -> 0)
          .register(registry);
    }
  }

  private static void registerBinders(MeterRegistry registry, String src) {
    Matcher m = BINDER.matcher(src);
    Set<String> seen = new TreeSet<>();
    while (m.find()) {
      if (!seen.add(m.group(1))) {
        continue;
      }
      MeterBinder binder = null;
      for (String pkg : BINDER_PACKAGES) {
        try {
          binder = (MeterBinder) Class.forName(pkg + m.group(1)).getDeclaredConstructor()
              .newInstance();
          break;
        } catch (ReflectiveOperationException e) {
          // try the next package
        }
      }
      if (binder == null) {
        throw new IllegalStateException("unknown Micrometer binder " + m.group(1));
      }
      binder.bindTo(registry);
    }
  }

  private static String constant(String field) {
    try {
      Field f = MicrometerMetrics.class.getDeclaredField(field);
      f.setAccessible(true);
      return (String) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("JOSDK's MicrometerMetrics has no constant " + field
          + " any more: update OperatorMetricNames for this JOSDK version", e);
    }
  }

  private static String literal(String concatenation) {
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(concatenation);
    while (m.find()) {
      sb.append(m.group(1));
    }
    return sb.toString();
  }

  private static String allSources() {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(sources())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sb.append(Files.readString(p)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }
}
