package dev.decaybench.operator.config;

import dev.decaybench.model.v1alpha1.Timeouts;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the operator: a command-line flag {@code --name=value} or an environment
 * variable, the flag winning. operator/README.md lists the same table (a test keeps them equal).
 */
public enum Setting {
  NAMESPACES("namespaces", "",
      "Comma-separated namespaces to watch; empty watches all namespaces."),
  GLOBAL_PARALLELISM("global-parallelism", "20",
      "At most this many trials run at once over all runs (each run also has spec.parallelism)."),
  MAX_ATTEMPTS("max-attempts", "3",
      "Attempts per trial, counting the first; only infrastructure failures get another one."),
  IMAGE_PULL_GRACE_SECONDS("image-pull-grace-seconds", "300",
      "How long a pod may wait on ImagePullBackOff/ErrImagePull before the attempt counts as an"
          + " infrastructure failure."),
  UNSCHEDULABLE_GRACE_SECONDS("unschedulable-grace-seconds", "300",
      "How long the scheduler may find no node for a pod (PodScheduled=False, Unschedulable)"
          + " before the attempt counts as an infrastructure failure."),
  POSTGRES_START_GRACE_SECONDS("postgres-start-grace-seconds", "300",
      "How long the PostgreSQL sidecar may take to pass its startup probe, counted from the end"
          + " of the agent container, before the attempt counts as an infrastructure failure."),
  DEFAULT_TRIAL_SECONDS("default-trial-seconds", String.valueOf(Timeouts.DEFAULT_TRIAL_SECONDS),
      "Trial time limit when spec.timeouts.trialSeconds is absent (the pod's activeDeadlineSeconds)."),
  POD_START_GRACE_SECONDS("pod-start-grace-seconds", "300",
      "Added to the trial time limit before the operator itself gives up on a pod that never"
          + " started or never finished (TimedOut)."),
  RUNNER_IMAGE("runner-image", "decaybench/decaybench-runner:0.1.0-python",
      "Runner image (entrypoint: the decaybench CLI): prepare step, built-in and command agents."),
  RUNTIME_IMAGE_PYTHON("runtime-image-python", "decaybench/decaybench-runner:0.1.0-python",
      "Evaluation image of the Python family: the runner plus the Python runtime (images/build.sh)."),
  RUNTIME_IMAGE_NODE("runtime-image-node", "decaybench/decaybench-runner:0.1.0-node",
      "Evaluation image of the Node.js family: the runner plus Node.js (images/build.sh)."),
  POSTGRES_IMAGE("postgres-image", "postgres:16-alpine",
      "PostgreSQL sidecar image (spec.images.postgres overrides it per run)."),
  POSTGRES_UID("postgres-uid", "70",
      "User id the PostgreSQL sidecar runs as (70 in the official alpine images, 999 in the"
          + " Debian ones)."),
  RUNNER_UID("runner-uid", "10001",
      "User id of the prepare, agent and evaluate containers (the runner images' user)."),
  APP_UID("app-uid", "10002",
      "User id of the app container, where the trial's set-up and app run; must differ from"
          + " the runner's, so the app cannot signal or write the evaluator."),
  ARTIFACTS_CLAIM("artifacts-claim", "",
      "PersistentVolumeClaim for full trial directories (subPath namespace/run/pod); empty keeps"
          + " them in an emptyDir that goes with the pod."),
  SCRATCH_SIZE_LIMIT("scratch-size-limit", "4Gi",
      "Size limit of the trial's scratch emptyDir (the app's copy, its set-up, e.g."
          + " node_modules); a pod's /dev/shm is 64 MiB and mounted noexec."),
  REPO_CACHE_CLAIM("repo-cache-claim", "",
      "PersistentVolumeClaim for feature tasks' repository cache (fetched commits, shared by the"
          + " prepare steps of trial pods); empty: an emptyDir, so each pod fetches its commit."),
  TRIAL_IMAGE_PULL_SECRETS("trial-image-pull-secrets", "",
      "imagePullSecrets of trial pods: Secret names, comma-separated, in each run's namespace."),
  TRIAL_SERVICE_ACCOUNT("trial-service-account", "",
      "serviceAccountName of trial pods (its token is never mounted); empty: the namespace's"
          + " default."),
  RUNTIME_CLASS("runtime-class", "", "runtimeClassName of trial pods, e.g. gvisor or kata."),
  NODE_SELECTOR("node-selector", "", "nodeSelector of trial pods: key=value,key2=value2."),
  TOLERATIONS("tolerations", "",
      "Tolerations of trial pods as a JSON list, e.g. [{\"key\":\"bench\",\"operator\":\"Exists\"}]."),
  RESOURCES_EVALUATE("resources-evaluate",
      "requests.cpu=500m,requests.memory=1Gi,requests.ephemeral-storage=256Mi,limits.cpu=2,"
          + "limits.memory=2Gi,limits.ephemeral-storage=2Gi",
      "Requests and limits of the evaluate container (the suite, the verifiers; ephemeral-storage:"
          + " its results)."),
  RESOURCES_APP("resources-app",
      "requests.cpu=500m,requests.memory=1Gi,requests.ephemeral-storage=1Gi,limits.cpu=2,"
          + "limits.memory=3Gi,limits.ephemeral-storage=8Gi",
      "Requests and limits of the app container (the app's set-up and the app; ephemeral-storage:"
          + " the scratch copy, e.g. node_modules)."),
  RESOURCES_AGENT("resources-agent",
      "requests.cpu=500m,requests.memory=1Gi,requests.ephemeral-storage=512Mi,limits.cpu=2,"
          + "limits.memory=4Gi,limits.ephemeral-storage=4Gi",
      "Requests and limits of the agent container (ephemeral-storage: the workspace it writes)."),
  RESOURCES_PREPARE("resources-prepare",
      "requests.cpu=100m,requests.memory=256Mi,limits.cpu=1,limits.memory=512Mi",
      "Requests and limits of the prepare container."),
  RESOURCES_POSTGRES("resources-postgres",
      "requests.cpu=250m,requests.memory=256Mi,limits.cpu=1,limits.memory=1Gi",
      "Requests and limits of the PostgreSQL sidecar (its memory-backed data counts here)."),
  USE_SSA("use-ssa", "true",
      "Write the primary resources' status with server-side apply (false: JSON patch)."),
  STATUS_INTERVAL_SECONDS("status-interval-seconds", "5",
      "A run's status is written at most this often while trials progress (phase changes are"
          + " written at once)."),
  LEADER_ELECTION("leader-election", "false",
      "Elect a leader through a Lease so that several replicas can run; only the leader reconciles."),
  LEASE_NAME("lease-name", "decaybench-operator", "Name of the leader-election Lease."),
  LEASE_NAMESPACE("lease-namespace", "",
      "Namespace of the Lease; empty: the POD_NAMESPACE variable, else the client's namespace."),
  LEASE_DURATION_SECONDS("lease-duration-seconds", "15",
      "How long a Lease holds without renewal; a standby replica takes over after it."),
  EXIT_ON_LOST_LEADERSHIP("exit-on-lost-leadership", "true",
      "Exit when leadership is lost (the pod restarts as a standby), so two leaders never act."),
  RECONCILE_THREADS("reconcile-threads", "10", "Concurrent reconciliations."),
  METRICS_PORT("metrics-port", "8080",
      "Port of /metrics, /healthz and /readyz (0 picks a free port)."),
  METRICS_MAX_RUNS("metrics-max-runs", "50",
      "Runs that get per-run series (A%, trial counts); the newest runs win, so the label set"
          + " stays bounded."),
  TRIAL_NETWORK_POLICY("trial-network-policy", "",
      "Name of the NetworkPolicy that must exist in a run's namespace before its trials start"
          + " (the chart sets its own); empty: no check.");

  private final String flag;
  private final String defaultValue;
  private final String description;

  Setting(String flag, String defaultValue, String description) {
    this.flag = flag;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The command-line flag, without the leading dashes. */
  public String flag() {
    return flag;
  }

  /** The environment variable: DECAYBENCH_ and the flag in upper case. */
  public String env() {
    return "DECAYBENCH_" + flag.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static Optional<Setting> byFlag(String flag) {
    return Arrays.stream(values()).filter(s -> s.flag.equals(flag)).findFirst();
  }
}
