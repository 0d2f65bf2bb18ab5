package dev.decaybench.operator.pod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.result.CompactResult;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.model.v1alpha1.Images;
import dev.decaybench.model.v1alpha1.SecretKeyRef;
import dev.decaybench.model.v1alpha1.Timeouts;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialPodFactoryTest {

  private final OperatorConfig config = OperatorConfig.defaults();

  @Test
  void theWholePodIsHardenedAndWiredAsThePodContractSays() {
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    run.getSpec().setTimeouts(new Timeouts(900, null, 45));
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 1));

    assertThat(pod.getMetadata().getName()).isEqualTo("demo-4-a1");
    assertThat(pod.getMetadata().getLabels()).containsEntry("decaybench.dev/run", "demo")
        .containsEntry("decaybench.dev/trial-index", "4").containsEntry("decaybench.dev/attempt", "1");
    assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getKind()).isEqualTo("EvaluationTrial");
      assertThat(o.getController()).isTrue();
    });
    var spec = pod.getSpec();
    assertThat(spec.getRestartPolicy()).isEqualTo("Never");
    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
    assertThat(spec.getActiveDeadlineSeconds()).isEqualTo(900L);
    assertThat(spec.getHostAliases()).singleElement().satisfies(h -> {
      assertThat(h.getIp()).isEqualTo("127.0.0.1");
      assertThat(h.getHostnames()).containsExactly("postgres");
    });
    assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    // PostgreSQL after the agent: the agent can neither reach it nor change its template
    assertThat(spec.getInitContainers()).extracting(Container::getName)
        .containsExactly("prepare", "agent", "postgres", "app");
    assertThat(spec.getContainers()).extracting(Container::getName).containsExactly("evaluate");
    for (Container c : all(pod)) {
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName())
          .containsExactly("ALL");
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
      assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
    }

    Container pg = spec.getInitContainers().get(2);
    assertThat(pg.getRestartPolicy()).isEqualTo("Always");
    assertThat(pg.getImage()).isEqualTo("postgres:16-alpine");
    assertThat(pg.getArgs()).containsExactly("-c", "fsync=off", "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off");
    // the superuser is not the app's: its password is random; the app's role comes from pginit,
    // which prepare writes and the agent never mounts
    assertThat(pg.getEnv()).extracting(e -> e.getName() + "=" + e.getValue())
        .contains("POSTGRES_USER=postgres", "POSTGRES_DB=conduit")
        .doesNotContain("POSTGRES_PASSWORD=password");
    assertThat(pg.getVolumeMounts()).filteredOn(m -> m.getName().equals("pginit")).singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(spec.getInitContainers().get(1).getVolumeMounts()).extracting(m -> m.getName())
        .doesNotContain("pginit");
    assertThat(pg.getReadinessProbe().getExec().getCommand())
        .containsExactly("pg_isready", "-U", "user", "-d", "conduit", "-h", "127.0.0.1");
    // prepare waits for PostgreSQL; a slow start is the operator's to judge (300 s default)
    assertThat(pg.getStartupProbe().getExec().getCommand())
        .isEqualTo(pg.getReadinessProbe().getExec().getCommand());
    assertThat(pg.getStartupProbe().getPeriodSeconds() * pg.getStartupProbe()
        .getFailureThreshold()).isEqualTo(300);
    assertThat(spec.getVolumes()).filteredOn(v -> v.getName().equals("pgdata")).singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir().getMedium()).isEqualTo("Memory"));

    assertThat(spec.getInitContainers().get(0).getArgs()).containsExactly("prepare", "--task",
        "flask-openapi-postgres", "--workspace", "/workspace/app", "--prompt", "/workspace/prompt.md",
        "--deadline-file", "/workspace/deadline", "--trial-seconds", "900",
        "--postgres-init", "/pginit");
    assertThat(spec.getInitContainers().get(1).getArgs()).containsExactly("agent", "--type",
        "reference", "--task", "flask-openapi-postgres", "--repeat", "2", "--workspace",
        "/workspace/app", "--prompt", "/workspace/prompt.md", "--trajectory",
        "/workspace/trajectory.txt", "--patch", "/workspace/patch.diff");
    Container evaluate = spec.getContainers().get(0);
    assertThat(evaluate.getArgs()).containsExactly("evaluate", "--app", "/workspace/app",
        "--out", "/results", "--task", "flask-openapi-postgres", "--sandbox", "pod",
        "--external-postgres", "postgres:5432", "--app-control", "/app-control",
        "--app-output", "/app-output", "--termination-message", "/dev/termination-log",
        "--timeout", "900", "--deadline-file", "/workspace/deadline", "--health-timeout", "45",
        "--patch", "/workspace/patch.diff", "--agent-outcome",
        "/workspace/agent.json", "--trajectory", "/workspace/trajectory.txt",
        "--no-extended");
    // no log tail of any container may reach the status or events
    assertThat(spec.getContainers()).allSatisfy(c ->
        assertThat(c.getTerminationMessagePolicy()).isEqualTo("File"));
    assertThat(spec.getInitContainers()).allSatisfy(c ->
        assertThat(c.getTerminationMessagePolicy()).isIn(null, "File"));
    assertThat(evaluate.getImage()).isEqualTo(config.runtimeImagePython());
    assertThat(evaluate.getVolumeMounts()).extracting(m -> m.getMountPath())
        .contains("/workspace", "/tmp", "/results");
  }

  @Test
  void theAppRunsInAContainerOfItsOwnThatCannotReachTheScorersFiles() {
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));
    Container app = pod.getSpec().getInitContainers().get(3);
    Container evaluate = pod.getSpec().getContainers().get(0);

    assertThat(app.getName()).isEqualTo("app");
    assertThat(app.getRestartPolicy()).as("a native sidecar, started before evaluate")
        .isEqualTo("Always");
    assertThat(app.getImage()).isEqualTo(evaluate.getImage());
    assertThat(app.getArgs()).containsExactly("app-host", "--control", "/app-control",
        "--output", "/app-output");
    assertThat(app.getSecurityContext().getRunAsUser()).isEqualTo(config.appUid())
        .isNotEqualTo(config.runnerUid());
    assertThat(app.getSecurityContext().getRunAsGroup()).isEqualTo(config.appUid());
    assertThat(pod.getSpec().getShareProcessNamespace()).as("no view of the evaluator").isNotEqualTo(true);
    // the app sees its copy, the requests (read-only) and its own output: never the agent's
    // workspace, the results, another container's /tmp or the image's reference apps
    assertThat(app.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath() + ":"
        + Boolean.TRUE.equals(m.getReadOnly())).containsExactlyInAnyOrder(
        "scratch:/scratch:false", "app-control:/app-control:true",
        "app-output:/app-output:false", "tmp-app:/tmp:false",
        "runner-private-mask:/opt/decaybench/private:true");
    assertThat(evaluate.getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath()
        + ":" + Boolean.TRUE.equals(m.getReadOnly())).contains("app-control:/app-control:false",
        "app-output:/app-output:true", "tmp-evaluate:/tmp:false");
    // no two containers share a /tmp: what the agent leaves there never reaches the evaluator
    assertThat(all(pod)).extracting(c -> c.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElseThrow().getName())
        .doesNotHaveDuplicates();
  }

  @Test
  void theEvaluatorsResultFitsItsShareOfThePodsTerminationMessages() {
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));

    // the kubelet splits 12 KiB evenly over every container, init containers included
    assertThat(CompactResult.LIMIT_BYTES).isLessThanOrEqualTo(12 * 1024 / all(pod).size());
  }

  @Test
  void theLlmKeyReachesTheAgentContainerOnly() {
    AgentSpec agent = new AgentSpec(AgentType.LLM);
    agent.setModel("m");
    agent.setEndpoint("https://llm.example.com/v1");
    agent.setApiKeySecretRef(new SecretKeyRef("llm", "apiKey"));
    agent.setMaxSteps(40);
    agent.setTimeoutSeconds(600);
    EvaluationRun run = run(agent);
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.EXPRESS, 0));

    for (Container c : all(pod)) {
      boolean hasKey = c.getEnv() != null && c.getEnv().stream()
          .anyMatch(e -> e.getName().equals("DECAYBENCH_API_KEY"));
      assertThat(hasKey).as(c.getName()).isEqualTo(c.getName().equals("agent"));
    }
    Container agentC = pod.getSpec().getInitContainers().get(1);
    assertThat(agentC.getEnv()).filteredOn(e -> e.getName().equals("DECAYBENCH_API_KEY"))
        .singleElement().satisfies(e -> {
          assertThat(e.getValue()).isNull();
          assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("llm");
          assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("apiKey");
        });
    assertThat(String.join(" ", agentC.getArgs())).contains("--model m",
        "--endpoint https://llm.example.com/v1", "--max-steps 40", "--timeout 600");
    assertThat(pod.getSpec().getContainers().get(0).getImage())
        .isEqualTo(config.runtimeImageNode());
  }

  @Test
  void anImageAgentRunsTheUsersImageWithTheTaskInItsEnvironment() {
    AgentSpec agent = new AgentSpec(AgentType.IMAGE);
    agent.setImage("registry.example.com/agent:1");
    agent.setCommand(List.of("my-agent", "--yes"));
    agent.setApiKeySecretRef(new SecretKeyRef("llm", "apiKey"));
    EvaluationRun run = run(agent);
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));

    Container c = pod.getSpec().getInitContainers().get(1);
    assertThat(c.getImage()).isEqualTo("registry.example.com/agent:1");
    assertThat(c.getCommand()).containsExactly("my-agent", "--yes");
    assertThat(c.getEnv()).extracting(e -> e.getName()).contains("DECAYBENCH_PROMPT_FILE",
        "DECAYBENCH_WORKSPACE", "DECAYBENCH_TASK", "DECAYBENCH_API_KEY");
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(pod.getSpec().getContainers().get(0).getArgs()).doesNotContain("--patch");
  }

  @Test
  void anImageAgentGetsTheUsageFileThatTheEvaluationReads() {
    AgentSpec agent = new AgentSpec(AgentType.IMAGE);
    agent.setImage("registry.example.com/agent:1");
    EvaluationRun run = run(agent);
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));

    assertThat(pod.getSpec().getInitContainers().get(1).getEnv())
        .filteredOn(e -> e.getName().equals("DECAYBENCH_USAGE_FILE")).singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("/workspace/agent-usage.json"));
    assertThat(String.join(" ", pod.getSpec().getContainers().get(0).getArgs()))
        .contains("--usage-file /workspace/agent-usage.json").doesNotContain("--agent-outcome");
  }

  @Test
  void anAgentWorksInItsTasksRuntimeImage() {
    EvaluationRun run = run(new AgentSpec(AgentType.LLM));
    Container onNode = new TrialPodFactory(config).build(run, trial(run, Framework.EXPRESS, 0))
        .getSpec().getInitContainers().get(1);
    Container onPython = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0))
        .getSpec().getInitContainers().get(1);

    assertThat(onNode.getImage()).isEqualTo(config.runtimeImageNode());
    assertThat(onPython.getImage()).isEqualTo(config.runtimeImagePython());
  }

  @Test
  void aCommandAgentRunsInTheRunnerImage() {
    AgentSpec agent = new AgentSpec(AgentType.COMMAND);
    agent.setCommand(List.of("my-agent", "--prompt-file", "{prompt}", "--note", "two words"));
    EvaluationRun run = run(agent);
    Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));
    Container c = pod.getSpec().getInitContainers().get(1);
    assertThat(c.getImage()).isEqualTo(config.runnerImage());
    assertThat(c.getArgs()).containsSubsequence("--type", "command")
        .endsWith("--command-json", "[\"my-agent\",\"--prompt-file\",\"{prompt}\",\"--note\",\"two words\"]");
  }

  @Test
  void onlyTheBuiltInAgentsAndTheScorerSeeTheRunnerImagesReferenceApps() {
    for (AgentType type : List.of(AgentType.LLM, AgentType.COMMAND, AgentType.REFERENCE,
        AgentType.REPLAY, AgentType.GOLD)) {
      AgentSpec agent = new AgentSpec(type);
      agent.setCommand(type == AgentType.COMMAND ? List.of("my-agent") : null);
      EvaluationRun run = run(agent);
      Pod pod = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));
      boolean agentWritesItsOwnCommands = type == AgentType.LLM || type == AgentType.COMMAND;

      assertThat(hidesPrivate(container(pod, TrialPodFactory.AGENT))).as(type.value())
          .isEqualTo(agentWritesItsOwnCommands);
      assertThat(hidesPrivate(container(pod, TrialPodFactory.APP_CONTAINER))).isTrue();
      assertThat(hidesPrivate(container(pod, TrialPodFactory.PREPARE))).isFalse();
      assertThat(hidesPrivate(container(pod, TrialPodFactory.EVALUATE))).isFalse();
      assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getName()
          .equals(PodParts.RUNNER_PRIVATE_MASK)).singleElement()
          .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
    }
  }

  private static boolean hidesPrivate(Container c) {
    return c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath()
        .equals(PodParts.RUNNER_PRIVATE_DIR) && Boolean.TRUE.equals(m.getReadOnly())
        && m.getName().equals(PodParts.RUNNER_PRIVATE_MASK));
  }

  private static Container container(Pod pod, String name) {
    return all(pod).stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void imagesPlacementAndArtifactsComeFromTheRunAndTheConfiguration() {
    OperatorConfig custom = OperatorConfig.load(Map.of(
        "DECAYBENCH_RUNTIME_CLASS", "gvisor",
        "DECAYBENCH_NODE_SELECTOR", "pool=bench,disk=ssd",
        "DECAYBENCH_TOLERATIONS", "[{\"key\":\"bench\",\"operator\":\"Exists\"}]",
        "DECAYBENCH_ARTIFACTS_CLAIM", "decaybench-results",
        "DECAYBENCH_TRIAL_IMAGE_PULL_SECRETS", "registry-a,registry-b",
        "DECAYBENCH_TRIAL_SERVICE_ACCOUNT", "bench-trials"), List.of());
    EvaluationRun run = run(new AgentSpec(AgentType.REFERENCE));
    Images images = new Images();
    images.setPostgres("postgres:17");
    images.setRunner("my/runner:1");
    run.getSpec().setImages(images);
    Pod pod = new TrialPodFactory(custom).build(run, trial(run, Framework.FLASK, 0));

    assertThat(pod.getSpec().getRuntimeClassName()).isEqualTo("gvisor");
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("bench-trials");
    assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSpec().getImagePullSecrets()).extracting(r -> r.getName())
        .containsExactlyInAnyOrder("registry-a", "registry-b");
    assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits())
        .containsKey("ephemeral-storage");
    assertThat(pod.getSpec().getNodeSelector()).containsEntry("pool", "bench")
        .containsEntry("disk", "ssd");
    assertThat(pod.getSpec().getTolerations()).singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("bench"));
    assertThat(pod.getSpec().getInitContainers().get(2).getImage()).isEqualTo("postgres:17");
    assertThat(pod.getSpec().getInitContainers().get(0).getImage()).isEqualTo("my/runner:1");
    assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getName().equals("results"))
        .singleElement().satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName())
            .isEqualTo("decaybench-results"));
    assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
        .filteredOn(m -> m.getName().equals("results")).singleElement()
        .satisfies(m -> assertThat(m.getSubPath()).isEqualTo("bench/demo/demo-4-a0"));
  }

  @Test
  void aFeatureTasksPrepareStepFetchesIntoTheSharedRepositoryCacheAndGetsTheRunsLocalRepositories() {
    OperatorConfig custom = OperatorConfig.load(Map.of("DECAYBENCH_REPO_CACHE_CLAIM", "decaybench-repos"), List.of());
    EvaluationRun run = run(new AgentSpec(AgentType.GOLD));
    run.getSpec().getTasks().setTaskDirectory("/tasks/paper");
    run.getSpec().getTasks().setRepoDirectories(Map.of("realworld-flask", "/mirrors/realworld-flask.git"));
    Pod pod = new TrialPodFactory(custom).build(run, trial(run, Framework.FLASK, 0));

    Container prepare = pod.getSpec().getInitContainers().get(0);
    assertThat(prepare.getArgs()).containsSubsequence("prepare", "--task", "/tasks/paper/flask-openapi-postgres.json")
        .endsWith("--repo-dir", "realworld-flask=/mirrors/realworld-flask.git");
    assertThat(prepare.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("DECAYBENCH_CACHE");
      assertThat(e.getValue()).isEqualTo("/var/cache/decaybench");
    });
    assertThat(prepare.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getName()).isEqualTo("repo-cache");
      assertThat(m.getMountPath()).isEqualTo("/var/cache/decaybench");
    });
    assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getName().equals("repo-cache"))
        .singleElement().satisfies(v -> assertThat(v.getPersistentVolumeClaim().getClaimName())
            .isEqualTo("decaybench-repos"));
    assertThat(pod.getSpec().getInitContainers().get(1).getArgs()).containsSubsequence("--type", "gold");
    // without a claim each pod has its own cache
    Pod plain = new TrialPodFactory(config).build(run, trial(run, Framework.FLASK, 0));
    assertThat(plain.getSpec().getVolumes()).filteredOn(v -> v.getName().equals("repo-cache"))
        .singleElement().satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
  }

  private static EvaluationRun run(AgentSpec agent) {
    EvaluationRun run = Runs.reference("demo", List.of(Framework.FLASK), null, 3, 2);
    run.getSpec().setAgent(agent);
    run.getMetadata().setUid("run-uid");
    return run;
  }

  private static EvaluationTrial trial(EvaluationRun run, Framework fw, int attempt) {
    String task = fw.value() + "-openapi-postgres";
    EvaluationTrial t = new EvaluationTrial("demo-4",
        new PlannedTrial<>(4, new TaskRef(task, fw, "postgres", 1), null, 2).toSpec("demo"));
    t.getSpec().setAttempt(attempt);
    t.getMetadata().setNamespace(Runs.NS);
    t.getMetadata().setUid("trial-uid");
    return t;
  }

  private static List<Container> all(Pod pod) {
    List<Container> all = new ArrayList<>(pod.getSpec().getInitContainers());
    all.addAll(pod.getSpec().getContainers());
    return all;
  }
}
