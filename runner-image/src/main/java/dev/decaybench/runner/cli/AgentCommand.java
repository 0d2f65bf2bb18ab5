package dev.decaybench.runner.cli;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.run.AgentFactory;
import dev.decaybench.runner.run.AgentPhase;
import dev.decaybench.runner.run.agent.AgentOutcome;
import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.task.TaskLoader;
import dev.decaybench.runner.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decaybench agent}: runs a built-in agent on a prepared workspace and keeps its patch —
 * the trial pod's agent container, and the same code as a local run's agent phase.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {"Runs one agent on a prepared workspace, then writes its patch (git diff) and",
        "agent.json (how it ended). Exit 0 whenever the agent phase was carried out."})
public final class AgentCommand implements Callable<Integer> {

  @Option(names = "--type", required = true, description = "reference, gold, replay, command or llm.")
  String type;

  @Option(names = "--task", required = true, paramLabel = "NAME|FILE")
  String task;

  @Option(names = "--repeat", defaultValue = "0")
  int repeat;

  @Option(names = "--workspace", required = true, paramLabel = "DIR")
  Path workspace;

  @Option(names = "--prompt", required = true, paramLabel = "FILE")
  Path prompt;

  @Option(names = "--trajectory", required = true, paramLabel = "FILE")
  Path trajectory;

  @Option(names = "--patch", paramLabel = "FILE", description = "Default: patch.diff beside the workspace.")
  Path patch;

  @Option(names = "--model")
  String model;

  @Option(names = "--endpoint")
  String endpoint;

  @Option(names = "--max-steps")
  Integer maxSteps;

  @Option(names = "--timeout", paramLabel = "SECONDS")
  Integer timeoutSeconds;

  @Option(names = "--replay-from", paramLabel = "DIR")
  String replayFrom;

  @Option(names = "--command", split = " ", paramLabel = "CMD",
      description = "For type command: the command, split at spaces.")
  List<String> command;

  @Option(names = "--command-json", paramLabel = "JSON",
      description = "For type command: the command as a JSON array of arguments (arguments may"
          + " contain spaces); what the operator passes.")
  String commandJson;

  /**
   * Where a relative --replay-from is resolved: locally the manifest's directory is the working
   * directory; a runner image ships the project's examples (DECAYBENCH_EXAMPLES), so the same
   * manifest (replayFrom: quickstart/solutions) replays in a pod as on a laptop.
   */
  private static Path manifestDir() {
    String examples = System.getenv("DECAYBENCH_EXAMPLES");
    return examples == null || examples.isBlank() ? Path.of("") : Path.of(examples);
  }

  @Override
  public Integer call() throws Exception {
    AgentSpec spec = new AgentSpec();
    spec.setType(AgentType.valueOf(type.toUpperCase(Locale.ROOT)));
    spec.setModel(model);
    spec.setEndpoint(endpoint);
    spec.setMaxSteps(maxSteps);
    spec.setTimeoutSeconds(timeoutSeconds);
    spec.setReplayFrom(replayFrom);
    spec.setCommand(commandJson != null
        ? List.of(Json.mapper().readValue(commandJson, String[].class)) : command);
    TaskDefinition t = TaskLoader.load(task, null);
    Path patchFile = patch != null ? patch : workspace.toAbsolutePath().getParent().resolve("patch.diff");
    AgentOutcome outcome = AgentPhase.run(AgentFactory.create(spec, manifestDir()),
        PlannedTrial.id(t.name(), repeat),
        t, repeat, workspace, prompt, trajectory, patchFile, spec);
    Json.mapper().writeValue(trajectory.resolveSibling("agent.json").toFile(), outcome);
    return 0;
  }
}
