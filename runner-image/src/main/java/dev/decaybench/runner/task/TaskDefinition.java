package dev.decaybench.runner.task;

import java.util.List;

/**
 * What the evaluator needs to know about a task: how to set up and start the app, where it
 * listens, and which constraints the prompt imposed.
 */
public record TaskDefinition(
    String name,
    String framework,
    List<String> constraints,
    int port,
    String baseUrl,
    String healthcheckEndpoint,
    List<String> setupCmds,
    List<String> runCmds) {

  public static final List<String> KNOWN_CONSTRAINTS =
      List.of("clean_architecture", "postgres", "sqlite", "sqlalchemy", "sequelize");

  public TaskDefinition withConstraints(List<String> newConstraints) {
    return new TaskDefinition(name, framework, List.copyOf(newConstraints), port, baseUrl,
        healthcheckEndpoint, setupCmds, runCmds);
  }

  public String runCommand() {
    return String.join(" && ", runCmds);
  }
}
