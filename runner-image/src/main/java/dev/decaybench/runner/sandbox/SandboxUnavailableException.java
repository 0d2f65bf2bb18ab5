package dev.decaybench.runner.sandbox;

import java.io.IOException;

/** The sandbox a trial asked for cannot be built here; the message says what is missing. */
public final class SandboxUnavailableException extends IOException {
  public SandboxUnavailableException(String message) {
    super(message);
  }
}
