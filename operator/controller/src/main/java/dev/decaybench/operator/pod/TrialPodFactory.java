package dev.decaybench.operator.pod;

import static dev.decaybench.operator.pod.PodParts.addIfSet;
import static dev.decaybench.operator.pod.PodParts.env;
import static dev.decaybench.operator.pod.PodParts.hardened;
import static dev.decaybench.operator.pod.PodParts.mount;
import static dev.decaybench.operator.pod.PodParts.readOnly;

import dev.decaybench.model.plan.TrialSettings;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.Images;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.plan.TrialNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The whole trial pod in one place. One pod per trial attempt:
 * <ol>
 *   <li>{@code prepare} (runner image): writes the prompt, a git workspace and the PostgreSQL
 *       sidecar's init script;</li>
 *   <li>{@code agent}: a built-in agent of the runner image, a command in the runner image, or the
 *       user's image; the only container that sees the LLM key;</li>
 *   <li>{@code postgres}: a native sidecar (init container with restartPolicy Always) started
 *       after the agent, data in a memory-backed emptyDir, durability off, reachable as
 *       {@code postgres:5432} through a hostAlias, the app's role without superuser;</li>
 *   <li>{@code app}: a native sidecar of its own uid ({@link AppSidecar}) where the trial's set-up
 *       and app run when the evaluator asks;</li>
 *   <li>{@code evaluate} (the family's runtime image, which contains the runner): the same engine
 *       as {@code decaybench evaluate}, the scorer, alone writing the compact result into its
 *       termination message.</li>
 * </ol>
 * Hardened by default: non-root, read-only root file systems (the user's agent image excepted),
 * all capabilities dropped, seccomp RuntimeDefault, no service account token, requests and limits,
 * activeDeadlineSeconds; runtimeClassName, nodeSelector and tolerations from the configuration.
 * The runner images' entrypoint is the {@code decaybench} CLI, so their containers get
 * {@code args} only.
 */
public final class TrialPodFactory {

  public static final String POSTGRES = "postgres";
  public static final String PREPARE = "prepare";
  public static final String AGENT = "agent";
  public static final String EVALUATE = "evaluate";
  public static final String APP_CONTAINER = "app";

  static final String WORKSPACE = "/workspace";
  static final String SCRATCH = "/scratch";
  static final String APP = WORKSPACE + "/app";
  static final String PROMPT = WORKSPACE + "/prompt.md";
  static final String TRAJECTORY = WORKSPACE + "/trajectory.txt";
  static final String PATCH = WORKSPACE + "/patch.diff";
  /** Written by {@code decaybench agent} beside the trajectory: how the agent ended, what it spent. */
  static final String AGENT_OUTCOME = WORKSPACE + "/agent.json";
  /** Where any agent may report its usage (DECAYBENCH_USAGE_FILE; command agents' own contract). */
  static final String USAGE_FILE = WORKSPACE + "/agent-usage.json";
  /** When the trial's time runs out: written by prepare, read by evaluate. */
  static final String DEADLINE = WORKSPACE + "/deadline";
  static final String RESULTS = "/results";
  /** prepare's view of the sidecar's init scripts; the agent does not mount it. */
  static final String PG_INIT = "/pginit";
  static final String API_KEY_ENV = "DECAYBENCH_API_KEY";
  /** Never FallbackToLogsOnError: a log tail in the status could carry a key. */
  static final String MESSAGE_FROM_FILE_ONLY = "File";

  private final OperatorConfig config;
  private final PostgresSidecar postgres;
  private final AppSidecar appHost;

  public TrialPodFactory(OperatorConfig config) {
    this.config = config;
    this.postgres = new PostgresSidecar(config);
    this.appHost = new AppSidecar(config);
  }

  /** The pod of the trial's current attempt. */
  public Pod build(EvaluationRun run, EvaluationTrial trial) {
    EvaluationRunSpec spec = run.getSpec();
    String trialName = trial.getMetadata().getName();
    int index = TrialNames.index(run.getMetadata().getName(), trialName);
    int attempt = TrialNames.attempt(trial);
    String podName = TrialNames.pod(trialName, attempt);
    // PostgreSQL after the agent: nothing the agent runs can reach it or alter its template
    List<Container> init = List.of(prepare(spec, trial), agent(spec, trial),
        postgres.build(image(spec.getImages(), Images::getPostgres, config.postgresImage())),
        appHost.build(runtimeImage(spec, trial.getSpec().getFramework())));
    return new PodBuilder()
        .withNewMetadata()
          .withName(podName)
          .withNamespace(trial.getMetadata().getNamespace())
          .withLabels(TrialNames.podLabels(run.getMetadata().getName(), index, attempt))
          .addToAnnotations("decaybench.dev/task", trial.getSpec().getTask())
          .withOwnerReferences(new OwnerReferenceBuilder()
              .withApiVersion(trial.getApiVersion()).withKind(trial.getKind())
              .withName(trialName).withUid(trial.getMetadata().getUid())
              .withController(true).withBlockOwnerDeletion(true).build())
        .endMetadata()
        .withNewSpec()
          .withRestartPolicy("Never")
          .withAutomountServiceAccountToken(false)
          .withEnableServiceLinks(false)
          .withActiveDeadlineSeconds((long) settings(spec).trialSeconds())
          .withTerminationGracePeriodSeconds(10L)
          .addNewHostAlias().withIp("127.0.0.1").withHostnames(POSTGRES).endHostAlias()
          .withRuntimeClassName(blankToNull(config.runtimeClass()))
          .withServiceAccountName(blankToNull(config.trialServiceAccount()))
          .withImagePullSecrets(config.trialImagePullSecrets().stream()
              .map(n -> new io.fabric8.kubernetes.api.model.LocalObjectReference(n)).toList())
          .withNodeSelector(config.nodeSelector().isEmpty() ? null : config.nodeSelector())
          .withTolerations(config.tolerations())
          .withNewSecurityContext()
            .withRunAsNonRoot(true)
            .withRunAsUser(config.runnerUid()).withRunAsGroup(config.runnerUid())
            .withFsGroup(config.runnerUid())
            .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
          .endSecurityContext()
          .withInitContainers(init)
          .withContainers(evaluate(run, trial, podName))
          .withVolumes(PodVolumes.all(config))
        .endSpec()
        .build();
  }

  /** The trial's limits and options: the spec's, else the operator's defaults. */
  public TrialSettings settings(EvaluationRunSpec spec) {
    return TrialSettings.of(spec, config.defaultTrialSeconds());
  }

  private Container prepare(EvaluationRunSpec spec, EvaluationTrial trial) {
    return RepoCacheStep.addTo(runnerContainer(PREPARE, image(spec.getImages(), Images::getRunner,
        config.runnerImage()), config.prepareResources()), List.of("prepare", "--task",
        taskArgument(spec, trial), "--workspace", APP, "--prompt", PROMPT,
        "--deadline-file", DEADLINE,
        "--trial-seconds", Integer.toString(settings(spec).trialSeconds()),
        "--postgres-init", PG_INIT), spec)
        .addToVolumeMounts(mount(PostgresSidecar.INIT_VOLUME, PG_INIT))
        .build();
  }

  private Container agent(EvaluationRunSpec spec, EvaluationTrial trial) {
    AgentSpec agent = spec.getAgent();
    String task = taskArgument(spec, trial);
    if (agent.getType() == AgentType.IMAGE) {
      // the user's image: read-only root and the runner's uid would break too many images
      List<EnvVar> env = new ArrayList<>(List.of(env("HOME", "/tmp"),
          env("DECAYBENCH_PROMPT_FILE", PROMPT), env("DECAYBENCH_WORKSPACE", APP),
          env("DECAYBENCH_TASK", task), env("DECAYBENCH_USAGE_FILE", USAGE_FILE)));
      addIfSet(env, "DECAYBENCH_MODEL", agent.getModel());
      addIfSet(env, "DECAYBENCH_ENDPOINT", agent.getEndpoint());
      addIfSet(env, "DECAYBENCH_MAX_STEPS", agent.getMaxSteps());
      addIfSet(env, "DECAYBENCH_TIMEOUT_SECONDS", agent.getTimeoutSeconds());
      PodParts.addApiKey(env, agent);
      return new ContainerBuilder()
          .withName(AGENT).withImage(agent.getImage())
          .withCommand(agent.getCommand() == null || agent.getCommand().isEmpty() ? null
              : agent.getCommand())
          .withWorkingDir(APP).withEnv(env)
          .withTerminationMessagePolicy(MESSAGE_FROM_FILE_ONLY)
          .withVolumeMounts(mount("workspace", WORKSPACE), PodParts.privateTmp(AGENT))
          .withSecurityContext(hardened(null, false))
          .withResources(config.agentResources())
          .build();
    }
    List<String> args = new ArrayList<>(List.of("agent",
        "--type", agent.getType().value(), "--task", task,
        "--repeat", Integer.toString(trial.getSpec().getRepeat() == null ? 0
            : trial.getSpec().getRepeat()),
        "--workspace", APP, "--prompt", PROMPT, "--trajectory", TRAJECTORY, "--patch", PATCH));
    PodParts.addOption(args, "--model", agent.getModel());
    PodParts.addOption(args, "--endpoint", agent.getEndpoint());
    PodParts.addOption(args, "--max-steps", agent.getMaxSteps());
    PodParts.addOption(args, "--timeout", agent.getTimeoutSeconds());
    PodParts.addOption(args, "--replay-from", agent.getReplayFrom());
    if (agent.getType() == AgentType.COMMAND) {
      // as JSON, so arguments with spaces survive; {prompt} in it becomes the prompt file
      args.add("--command-json");
      args.add(io.fabric8.kubernetes.client.utils.Serialization.asJson(agent.getCommand()));
    }
    // the agent works in its task's runtime (an LLM agent on a Node task runs node and npm): the
    // family's image, unless the run names a runner image
    ContainerBuilder c = runnerContainer(AGENT, image(spec.getImages(), Images::getRunner,
        familyImage(trial.getSpec().getFramework())), config.agentResources())
        .withArgs(args);
    if (agent.getType() == AgentType.LLM || agent.getType() == AgentType.COMMAND) {
      // their commands are the agent's own: the reference apps are the built-in agents' only
      c.addToVolumeMounts(PodParts.hideRunnerPrivate());
    }
    List<EnvVar> env = new ArrayList<>(c.buildEnv());
    PodParts.addApiKey(env, agent);
    return c.withEnv(env).build();
  }

  private Container evaluate(EvaluationRun run, EvaluationTrial trial, String podName) {
    EvaluationRunSpec spec = run.getSpec();
    TrialSettings settings = settings(spec);
    List<String> args = new ArrayList<>(List.of("evaluate", "--app", APP,
        "--out", RESULTS, "--task", taskArgument(spec, trial), "--sandbox", "pod",
        "--external-postgres", POSTGRES + ":5432",
        "--app-control", AppSidecar.CONTROL, "--app-output", AppSidecar.OUTPUT,
        "--termination-message", "/dev/termination-log",
        // what the agent left of the trial's time, not all of it again
        "--timeout", Integer.toString(settings.trialSeconds()), "--deadline-file", DEADLINE,
        "--health-timeout", Integer.toString(settings.healthSeconds())));
    // an agent image writes no patch (verify the app) and reports usage only through its file
    args.addAll(spec.getAgent().getType() == AgentType.IMAGE ? List.of("--usage-file", USAGE_FILE)
        : List.of("--patch", PATCH, "--agent-outcome", AGENT_OUTCOME,
            // the classifier's agent-behaviour rules read it, as in a local run
            "--trajectory", TRAJECTORY));
    if (!settings.extendedSuite()) {
      args.add("--no-extended");
    }
    return runnerContainer(EVALUATE, runtimeImage(spec, trial.getSpec().getFramework()),
        config.evaluateResources())
        .withArgs(args)
        // the app's copy and its set-up: disk, sized by a value; not the pod's /dev/shm (64 MiB,
        // noexec: run.sh could not start). Set-up and the app run in the app container.
        .addToEnv(env("DECAYBENCH_SCRATCH", SCRATCH))
        .addToVolumeMounts(mount("scratch", SCRATCH), mount(AppSidecar.CONTROL_VOLUME,
            AppSidecar.CONTROL), readOnly(AppSidecar.OUTPUT_VOLUME, AppSidecar.OUTPUT))
        .addToVolumeMounts(new VolumeMountBuilder().withName("results").withMountPath(RESULTS)
            .withSubPath(config.artifactsClaim().isEmpty() ? null
                : trial.getMetadata().getNamespace() + "/" + run.getMetadata().getName() + "/"
                    + podName)
            .build())
        .build();
  }

  /** The evaluation image: spec.images.runtime, else the family's runtime image. */
  String runtimeImage(EvaluationRunSpec spec, Framework framework) {
    return image(spec.getImages(), Images::getRuntime, familyImage(framework));
  }

  /** The runner image with the runtime of the framework's family (Python or Node.js). */
  private String familyImage(Framework framework) {
    String family = framework == null ? Framework.PYTHON_FAMILY : framework.family();
    return Framework.NODE_FAMILY.equals(family) ? config.runtimeImageNode()
        : config.runtimeImagePython();
  }

  private ContainerBuilder runnerContainer(String name, String image, ResourceRequirements r) {
    return new ContainerBuilder()
        .withName(name).withImage(image)
        // the root file system is read-only: caches go to the pod's /tmp (Java's user.home comes
        // from /etc/passwd, not HOME, so the cache is named explicitly)
        .withEnv(env("HOME", "/tmp"), env("DECAYBENCH_CACHE", "/tmp/decaybench-cache"))
        // only the evaluate container's own message; never a log tail (an agent's output could
        // carry a key or fill the pod's 12 KiB message budget)
        .withTerminationMessagePolicy(MESSAGE_FROM_FILE_ONLY)
        // a /tmp of its own: nothing the agent leaves there reaches the evaluator's cache
        .withVolumeMounts(mount("workspace", WORKSPACE), PodParts.privateTmp(name))
        .withSecurityContext(hardened(null, true))
        .withResources(r);
  }

  /** A built-in task name, or the task file of a custom suite inside the runner image. */
  private static String taskArgument(EvaluationRunSpec spec, EvaluationTrial trial) {
    String dir = spec.getTasks() == null ? null : spec.getTasks().getTaskDirectory();
    String task = trial.getSpec().getTask();
    return dir == null ? task : dir.replaceAll("/+$", "") + "/" + task + ".json";
  }

  static String image(Images images, Function<Images, String> field,
      String fallback) {
    String v = images == null ? null : field.apply(images);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
