package dev.decaybench.runner.run.agent.llm;

/**
 * A model call that did not produce a reply: the HTTP status (0 for connection problems and
 * malformed replies), whether trying again may help, and a message fit for the user (the API key
 * never appears in it).
 */
public final class ChatException extends Exception {

  private final int status;
  private final boolean retryable;

  public ChatException(int status, String message, boolean retryable) {
    super(message);
    this.status = status;
    this.retryable = retryable;
  }

  public int status() {
    return status;
  }

  public boolean retryable() {
    return retryable;
  }
}
