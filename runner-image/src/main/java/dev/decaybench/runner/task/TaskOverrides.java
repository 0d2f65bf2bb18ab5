package dev.decaybench.runner.task;

import java.util.List;

/**
 * What the command line changes in a task, so that an app that is no built-in task can be scored
 * without writing a task file. A null part keeps the task's own value.
 *
 * @param constraints the constraints to verify
 * @param setupCmds the set-up commands; an empty list runs none
 * @param runCmd the command that starts the app
 * @param port where the app listens
 */
public record TaskOverrides(List<String> constraints, List<String> setupCmds, String runCmd, Integer port) {

  public static final TaskOverrides NONE = new TaskOverrides(null, null, null, null);

  public TaskOverrides {
    constraints = constraints == null ? null : List.copyOf(constraints);
    setupCmds = setupCmds == null ? null : List.copyOf(setupCmds);
  }

  public static TaskOverrides constraints(List<String> constraints) {
    return new TaskOverrides(constraints, null, null, null);
  }

  public TaskDefinition applyTo(TaskDefinition t) {
    return new TaskDefinition(t.name(), t.suite(), t.framework(),
        constraints != null ? constraints : t.constraints(),
        port != null ? port : t.port(), t.baseUrl(), t.healthcheckEndpoint(),
        setupCmds != null ? setupCmds : t.setupCmds(),
        runCmd != null ? List.of(runCmd) : t.runCmds(), t.repo(), t.prompt(),
        // a set-up of the user's own no longer says where the packages come from
        setupCmds != null ? null : t.pythonPackages(), t.env());
  }
}
