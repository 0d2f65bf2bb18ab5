package dev.decaybench.runner.engine;

import java.io.IOException;

/** The evaluation itself could not be done (not: the app scored badly). */
public class HarnessException extends IOException {
  public HarnessException(String message) {
    super(message);
  }
}
