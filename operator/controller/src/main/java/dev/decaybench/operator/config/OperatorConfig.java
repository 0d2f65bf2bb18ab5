package dev.decaybench.operator.config;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator's settings, typed. Built from environment variables and {@code --flag=value}
 * arguments ({@link #load}); {@link Setting} is the table of names, defaults and meanings.
 */
public record OperatorConfig(
    Set<String> namespaces,
    int globalParallelism,
    int maxAttempts,
    Duration imagePullGrace,
    Duration unschedulableGrace,
    Duration postgresStartGrace,
    int defaultTrialSeconds,
    Duration podStartGrace,
    String runnerImage,
    String runtimeImagePython,
    String runtimeImageNode,
    String postgresImage,
    long postgresUid,
    long runnerUid,
    long appUid,
    String artifactsClaim,
    String scratchSizeLimit,
    String repoCacheClaim,
    Set<String> trialImagePullSecrets,
    String trialServiceAccount,
    String runtimeClass,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    ResourceRequirements evaluateResources,
    ResourceRequirements appResources,
    ResourceRequirements agentResources,
    ResourceRequirements prepareResources,
    ResourceRequirements postgresResources,
    boolean useSsa,
    Duration statusInterval,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    Duration leaseDuration,
    boolean exitOnLostLeadership,
    int reconcileThreads,
    int metricsPort,
    int metricsMaxRuns,
    String trialNetworkPolicy) {

  /** The defaults of every setting. */
  public static OperatorConfig defaults() {
    return load(Map.of(), List.of());
  }

  /**
   * Reads every {@link Setting} from {@code args} ({@code --flag=value} or {@code --flag value})
   * or else {@code env}, else its default. Throws {@link IllegalArgumentException} naming the
   * setting when a value is malformed or a flag unknown.
   */
  public static OperatorConfig load(Map<String, String> env, List<String> args) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      String v = env.get(s.env());
      values.put(s, v == null ? s.defaultValue() : v.strip());
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "' (settings are"
            + " --name=value)");
      }
      String body = arg.substring(2);
      String name = body.contains("=") ? body.substring(0, body.indexOf('=')) : body;
      Setting s = Setting.byFlag(name).orElseThrow(() ->
          new IllegalArgumentException("unknown setting --" + name + " (see --help)"));
      String value;
      if (body.contains("=")) {
        value = body.substring(body.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      values.put(s, value.strip());
    }
    return from(values, env);
  }

  private static OperatorConfig from(Map<Setting, String> v, Map<String, String> env) {
    String leaseNamespace = v.get(Setting.LEASE_NAMESPACE);
    if (leaseNamespace.isEmpty() && env.get("POD_NAMESPACE") != null) {
      leaseNamespace = env.get("POD_NAMESPACE");
    }
    if (number(v, Setting.APP_UID, 1) == number(v, Setting.RUNNER_UID, 1)) {
      // one uid for both would let the app signal the evaluator and write what it writes
      throw new IllegalArgumentException("--" + Setting.APP_UID.flag() + " must differ from --"
          + Setting.RUNNER_UID.flag());
    }
    return new OperatorConfig(
        csv(v.get(Setting.NAMESPACES)),
        positive(v, Setting.GLOBAL_PARALLELISM),
        positive(v, Setting.MAX_ATTEMPTS),
        Duration.ofSeconds(positive(v, Setting.IMAGE_PULL_GRACE_SECONDS)),
        Duration.ofSeconds(positive(v, Setting.UNSCHEDULABLE_GRACE_SECONDS)),
        Duration.ofSeconds(positive(v, Setting.POSTGRES_START_GRACE_SECONDS)),
        positive(v, Setting.DEFAULT_TRIAL_SECONDS),
        Duration.ofSeconds(positive(v, Setting.POD_START_GRACE_SECONDS)),
        required(v, Setting.RUNNER_IMAGE),
        required(v, Setting.RUNTIME_IMAGE_PYTHON),
        required(v, Setting.RUNTIME_IMAGE_NODE),
        required(v, Setting.POSTGRES_IMAGE),
        number(v, Setting.POSTGRES_UID, 1),
        number(v, Setting.RUNNER_UID, 1),
        number(v, Setting.APP_UID, 1),
        v.get(Setting.ARTIFACTS_CLAIM),
        required(v, Setting.SCRATCH_SIZE_LIMIT),
        v.get(Setting.REPO_CACHE_CLAIM),
        csv(v.get(Setting.TRIAL_IMAGE_PULL_SECRETS)),
        v.get(Setting.TRIAL_SERVICE_ACCOUNT),
        v.get(Setting.RUNTIME_CLASS),
        keyValues(Setting.NODE_SELECTOR, v.get(Setting.NODE_SELECTOR)),
        tolerations(v.get(Setting.TOLERATIONS)),
        resources(Setting.RESOURCES_EVALUATE, v.get(Setting.RESOURCES_EVALUATE)),
        resources(Setting.RESOURCES_APP, v.get(Setting.RESOURCES_APP)),
        resources(Setting.RESOURCES_AGENT, v.get(Setting.RESOURCES_AGENT)),
        resources(Setting.RESOURCES_PREPARE, v.get(Setting.RESOURCES_PREPARE)),
        resources(Setting.RESOURCES_POSTGRES, v.get(Setting.RESOURCES_POSTGRES)),
        bool(v, Setting.USE_SSA),
        Duration.ofSeconds(number(v, Setting.STATUS_INTERVAL_SECONDS, 0)),
        bool(v, Setting.LEADER_ELECTION),
        required(v, Setting.LEASE_NAME),
        leaseNamespace,
        Duration.ofSeconds(positive(v, Setting.LEASE_DURATION_SECONDS)),
        bool(v, Setting.EXIT_ON_LOST_LEADERSHIP),
        positive(v, Setting.RECONCILE_THREADS),
        (int) number(v, Setting.METRICS_PORT, 0),
        positive(v, Setting.METRICS_MAX_RUNS),
        v.get(Setting.TRIAL_NETWORK_POLICY));
  }

  /** The settings table, for --help. */
  public static String help() {
    StringBuilder sb = new StringBuilder("decaybench operator settings (flag or environment"
        + " variable; the flag wins):\n");
    for (Setting s : Setting.values()) {
      sb.append(String.format("  --%-26s %-42s default: %s%n      %s%n", s.flag(), s.env(),
          s.defaultValue().isEmpty() ? "(none)" : s.defaultValue(), s.description()));
    }
    return sb.toString();
  }

  private static String required(Map<Setting, String> v, Setting s) {
    String value = v.get(s);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(s.env() + " (--" + s.flag() + ") must not be empty");
    }
    return value;
  }

  private static int positive(Map<Setting, String> v, Setting s) {
    return (int) number(v, s, 1);
  }

  private static long number(Map<Setting, String> v, Setting s, long min) {
    try {
      long n = Long.parseLong(v.get(s));
      if (n < min) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(s.env() + " (--" + s.flag() + "): '" + v.get(s)
          + "' is not a whole number of at least " + min);
    }
  }

  private static boolean bool(Map<Setting, String> v, Setting s) {
    String value = v.get(s).toLowerCase();
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(s.env() + " (--" + s.flag() + "): '" + v.get(s)
          + "' is not true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static Set<String> csv(String value) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty()).forEach(out::add);
    return Set.copyOf(out);
  }

  private static Map<String, String> keyValues(Setting s, String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : value.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(s.env() + " (--" + s.flag() + "): '" + pair
            + "' is not key=value");
      }
      out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return Map.copyOf(out);
  }

  private static List<Toleration> tolerations(String json) {
    if (json.isBlank()) {
      return List.of();
    }
    try {
      Toleration[] parsed = Serialization.unmarshal(json, Toleration[].class);
      return List.copyOf(Arrays.asList(parsed));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(Setting.TOLERATIONS.env() + ": not a JSON list of"
          + " tolerations: " + e.getMessage());
    }
  }

  /** Parses {@code requests.cpu=1,limits.memory=2Gi}. */
  static ResourceRequirements resources(Setting s, String value) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    for (String pair : keyValues(s, value).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList()) {
      String key = pair.substring(0, pair.indexOf('='));
      String quantity = pair.substring(pair.indexOf('=') + 1);
      Map<String, Quantity> target;
      if (key.startsWith("requests.")) {
        target = requests;
      } else if (key.startsWith("limits.")) {
        target = limits;
      } else {
        throw new IllegalArgumentException(s.env() + ": '" + key + "' must start with requests."
            + " or limits.");
      }
      try {
        Quantity q = new Quantity(quantity);
        Quantity.getAmountInBytes(q);
        target.put(key.substring(key.indexOf('.') + 1), q);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(s.env() + ": '" + quantity + "' is not a quantity");
      }
    }
    ResourceRequirements r = new ResourceRequirements();
    r.setRequests(requests);
    r.setLimits(limits);
    return r;
  }

  /** Namespaces as a list (empty = all). */
  public List<String> namespaceList() {
    return new ArrayList<>(namespaces);
  }
}
