package dev.decaybench.runner.engine;

import dev.decaybench.runner.postgres.PostgresBinaries;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the service half of a trial needs: where the workspace and outputs are, how to start
 * PostgreSQL and the app, and the time limits. {@code binaries} and {@code template} are null
 * when an external PostgreSQL (a pod's sidecar) is used.
 */
record TrialSpec(
    Path workspace,
    Path outDir,
    String runCommand,
    String apiPrefix,
    String healthPath,
    Map<String, String> appEnv,
    PostgresBinaries binaries,
    Path template,
    Path pgDataDir,
    long healthTimeoutMillis,
    long requestTimeoutMillis,
    boolean extendedSuite,
    String externalPostgres) {}
