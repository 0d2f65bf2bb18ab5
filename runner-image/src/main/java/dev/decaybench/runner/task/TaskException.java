package dev.decaybench.runner.task;

/**
 * A task that cannot be used as given: an unknown name, a file that is not valid JSON, an unknown
 * field or framework. The user's input is wrong, not the harness, so the CLI exits with 2.
 */
public final class TaskException extends IllegalArgumentException {

  public TaskException(String message) {
    super(message);
  }
}
