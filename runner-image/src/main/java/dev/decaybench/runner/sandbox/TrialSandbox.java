package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where one trial's untrusted processes run: its set-up commands, its app and the app's
 * PostgreSQL. The scorer (this JVM: the suite, the verifiers, the result) always stays outside
 * and reaches the app and the database only through {@link #appAddress()} and the database's
 * scorer address. Local mode and the cluster differ only in the implementation.
 */
public interface TrialSandbox extends AutoCloseable {

  /** {@code namespaces}, {@code none} or {@code pod}, as reported in result.json. */
  String mode();

  /** What isolation this mode gives (shown to the user). */
  String note();

  /** Port the app is told to listen on. */
  int appPort();

  /** Host and port the app is told to use for PostgreSQL. */
  String postgresHost();

  int postgresPort();

  /** Runs one set-up command in the workspace: registries reachable, nothing of the host's. */
  Processes.Completed setup(String command, Map<String, String> env, long timeoutSeconds) throws IOException;

  /** Starts a command as PostgreSQL's unprivileged user, listening where the app expects it. */
  EphemeralPostgres.Launcher postgresLauncher();

  /** Extra server settings this sandbox needs (e.g. where the scorer's socket goes). */
  List<String> postgresSettings();

  /** {@code host:port} where the scorer reaches the trial's PostgreSQL. */
  String postgresScorerAddress() throws IOException;

  /** Starts the app's run command in the workspace with exactly {@code env}. */
  Process startApp(String runCommand, Map<String, String> env) throws IOException;

  /** {@code host:port} where the scorer reaches the app. */
  String appAddress() throws IOException;

  /** Whether something listens on the app's port where the app runs. */
  default boolean appListening() {
    return true;
  }

  /** The limits this sandbox enforces, in words, or null when it enforces none. */
  String limits();

  /** Limits that stopped something in this trial ({@code memory}, {@code processes}). */
  List<String> limitsHit();

  /** Stops everything the trial started; nothing it ran survives this call. */
  @Override
  void close();
}
