package dev.decaybench.runner.engine;

import java.util.Map;

/**
 * What the pod half of a trial needs, written as JSON so it can cross into a sandbox: where the
 * workspace and outputs are, how to start PostgreSQL and the app, and the time limits.
 */
public record TrialSpec(
    String workspace,
    String outDir,
    String runCommand,
    int appPort,
    String apiPrefix,
    String healthPath,
    Map<String, String> appEnv,
    String pgHome,
    String pgVersion,
    String pgTemplate,
    String pgDataDir,
    int pgPort,
    long healthTimeoutMillis,
    long requestTimeoutMillis,
    boolean extendedSuite,
    String externalPostgres) {}
