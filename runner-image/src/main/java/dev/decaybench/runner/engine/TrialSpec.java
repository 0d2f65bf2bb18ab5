package dev.decaybench.runner.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the service half of a trial needs: where the workspace and outputs are, how to start the
 * app, and the time limits (PostgreSQL is the {@link DatabaseStart}'s).
 */
record TrialSpec(
    Path workspace,
    Path outDir,
    String runCommand,
    String apiPrefix,
    String healthPath,
    Map<String, String> appEnv,
    long healthTimeoutMillis,
    long requestTimeoutMillis,
    boolean extendedSuite) {}
