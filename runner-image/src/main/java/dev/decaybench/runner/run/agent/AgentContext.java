package dev.decaybench.runner.run.agent;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.runner.task.TaskDefinition;
import java.nio.file.Path;

/**
 * What an agent gets: the task, an empty git workspace to write in, the prompt file, the trial
 * directory (for its trajectory) and the run's agent settings.
 */
public record AgentContext(
    String trialId,
    TaskDefinition task,
    int repeat,
    Path workspace,
    Path promptFile,
    Path trajectoryFile,
    AgentSpec spec) {}
