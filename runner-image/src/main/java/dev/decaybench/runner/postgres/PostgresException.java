package dev.decaybench.runner.postgres;

import java.io.IOException;

/** PostgreSQL could not be prepared or started; the message says what to do. */
public class PostgresException extends IOException {
  public PostgresException(String message) {
    super(message);
  }

  public PostgresException(String message, Throwable cause) {
    super(message, cause);
  }
}
