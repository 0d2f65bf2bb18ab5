package dev.decaybench.api.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the trial was isolated. {@code mode} is {@code namespaces} (own network and PID namespace,
 * app on the task's port, Postgres as host {@code postgres}) or {@code ports} (no namespaces here:
 * free ports and DB_HOST/DB_PORT/DATABASE_URL/PORT instead); {@code note} says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SandboxInfo(String mode, String note, int appPort, String postgresVersion) {}
