package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How the trial was isolated. {@code mode} is {@code namespaces} (its own network, PID, IPC and
 * mount namespaces, an unprivileged uid, the app on the task's port, PostgreSQL as host
 * {@code postgres}), {@code pod} (inside a trial pod) or {@code none} (no isolation, chosen
 * explicitly); {@code note} says what that means. {@code limits} are the trial's resource limits
 * in words (null when none were enforced) and {@code limitsHit} the ones that stopped something
 * ({@code memory}, {@code processes}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SandboxInfo(String mode, String note, int appPort, String postgresVersion,
    String limits, List<String> limitsHit) {

  public SandboxInfo(String mode, String note, int appPort, String postgresVersion) {
    this(mode, note, appPort, postgresVersion, null, List.of());
  }
}
