package dev.decaybench.operator.pod;

import static dev.decaybench.operator.pod.PodParts.env;
import static dev.decaybench.operator.pod.PodParts.hardened;
import static dev.decaybench.operator.pod.PodParts.mount;
import static dev.decaybench.operator.pod.PodParts.readOnly;

import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The trial pod's PostgreSQL: a native sidecar (init container with restartPolicy Always), data in
 * a memory-backed emptyDir, durability off, with the task's credentials (user/password, database
 * conduit) for a role that owns conduit and nothing more. It starts after the agent, so the agent
 * can neither reach it nor change its template. Its startup probe holds the later containers back
 * until it accepts connections, so a slow start shows as a sidecar that has not started
 * ({@link PodInspector}: an infrastructure failure after {@code --postgres-start-grace-seconds},
 * counted from the agent's end), never as a harness error in evaluate.
 */
final class PostgresSidecar {

  private static final int PROBE_PERIOD_SECONDS = 2;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Written by prepare, read once by the image's entrypoint (official image and decaybench's). */
  static final String INIT_VOLUME = "pginit";
  static final String INIT_DIR = "/docker-entrypoint-initdb.d";

  private final OperatorConfig config;

  PostgresSidecar(OperatorConfig config) {
    this.config = config;
  }

  Container build(String image) {
    // the kubelet restarts the sidecar after the threshold; the operator gives up after its grace
    int startupFailures = (int) Math.max(1,
        config.postgresStartGrace().toSeconds() / PROBE_PERIOD_SECONDS);
    return new ContainerBuilder()
        .withName(TrialPodFactory.POSTGRES)
        .withImage(image)
        .withRestartPolicy("Always")
        .withArgs("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
        // the superuser's password is this container's alone and kept by nobody; the app's role
        // (no superuser, owner of conduit) comes from the script prepare wrote into pginit
        .withEnv(env("POSTGRES_USER", "postgres"), env("POSTGRES_PASSWORD", randomPassword()),
            env("POSTGRES_DB", "conduit"), env("PGDATA", "/var/lib/postgresql/data/pgdata"))
        .withPorts(new ContainerPortBuilder()
            .withName(TrialPodFactory.POSTGRES).withContainerPort(5432).build())
        .withStartupProbe(pgIsReady(startupFailures))
        .withReadinessProbe(pgIsReady(3))
        .withVolumeMounts(mount("pgdata", "/var/lib/postgresql/data"),
            mount("pgrun", "/var/run/postgresql"), PodParts.privateTmp(TrialPodFactory.POSTGRES),
            readOnly(INIT_VOLUME, INIT_DIR))
        .withSecurityContext(hardened(config.postgresUid(), true))
        .withResources(config.postgresResources())
        .build();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Probe pgIsReady(int failureThreshold) {
    return new ProbeBuilder()
        .withNewExec()
          .withCommand("pg_isready", "-U", "user", "-d", "conduit", "-h", "127.0.0.1")
        .endExec()
        .withPeriodSeconds(PROBE_PERIOD_SECONDS).withFailureThreshold(failureThreshold)
        .build();
  }
}
