package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.engine.PodOutcome;
import dev.decaybench.runner.engine.TrialSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Where the pod half of a trial runs. Local mode and the cluster differ only here. */
public interface Sandbox {

  /** {@code namespaces} or {@code ports}, as reported in result.json. */
  String mode();

  /** Why this mode was chosen (shown to the user when it is the fallback). */
  String note();

  /** Port PostgreSQL listens on inside this sandbox. */
  int postgresPort() throws IOException;

  /** Port the app is told to listen on, given the task's port. */
  int appPort(int taskPort) throws IOException;

  /** The host name the app is told to use for PostgreSQL. */
  String postgresHost();

  PodOutcome execute(TrialSpec spec, Path specFile, long timeoutMillis) throws IOException;
}
