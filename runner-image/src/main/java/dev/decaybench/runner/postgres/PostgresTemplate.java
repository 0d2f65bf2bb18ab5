package dev.decaybench.runner.postgres;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.PreparedOnce;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.UUID;

/**
 * A stopped data directory prepared once per PostgreSQL build: role {@code user} with password
 * {@code password} (scram) owning database {@code conduit} and nothing more (no superuser, no
 * server-program or server-file roles), durability switched off. Every
 * trial starts from a copy, which is several times faster than initdb.
 */
public final class PostgresTemplate {

  /** Bump when the prepared contents change, so old caches are not reused. */
  private static final int LAYOUT = 3;
  private static final String READY_MARKER = "decaybench-template-ready";
  /** Owns the cluster; no pg_hba line admits it, so nothing a trial runs can log in as it. */
  private static final String SUPERUSER = "decaybench";

  private PostgresTemplate() {}

  public static Path ensure(PostgresBinaries binaries) throws IOException {
    String key = binaries.version().replaceAll("[^A-Za-z0-9.]", "_") + "-"
        + Integer.toHexString(binaries.home().toString().hashCode()) + "-v" + LAYOUT;
    return PreparedOnce.ensure(CacheDirs.root().resolve("pg-template-" + key),
        dir -> Files.exists(dir.resolve(READY_MARKER)), staging -> build(binaries, staging));
  }

  private static void build(PostgresBinaries binaries, Path staging) throws IOException {
    Path data = staging.resolve("data");
    Path pwfile = staging.resolve("pwfile");
    // The bootstrap superuser gets a random password nobody keeps, and pg_hba lets it in nowhere.
    Files.writeString(pwfile, UUID.randomUUID() + "\n");
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
    if (RunAs.isRoot()) {
      UserPrincipal nobody = staging.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(Integer.toString(RunAs.NOBODY));
      Files.setOwner(staging, nobody);
      Files.setOwner(pwfile, nobody);
    }
    Processes.Completed init = Processes.run(RunAs.unprivileged(List.of(
        binaries.bin("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
        "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync",
        // every trial copies the template: 1 MB of WAL instead of 16 is 15 MB less to copy
        "--wal-segsize=1")),
        staging, null, 120);
    if (init.exitCode() != 0) {
      throw new PostgresException("initdb failed (exit " + init.exitCode() + "): " + tail(init.output()));
    }
    Files.delete(pwfile);
    Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
        "# decaybench: a throw-away database per trial",
        "fsync = off", "synchronous_commit = off", "full_page_writes = off",
        "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''",
        "max_connections = 60", "shared_buffers = 32MB", "max_wal_size = 256MB",
        // mmap segments live in the data directory, which is deleted with the trial: a killed
        // trial cannot leak /dev/shm/PostgreSQL.* segments.
        "dynamic_shared_memory_type = mmap",
        "logging_collector = off", "log_min_messages = warning", "log_timezone = 'UTC'",
        "timezone = 'UTC'", ""), StandardOpenOption.APPEND);
    // Only the app's role, only its database; the socket line serves the scorer's probe.
    String app = DatabaseSettings.quoted(DatabaseSettings.USER);
    Files.writeString(data.resolve("pg_hba.conf"), String.join("\n",
        "# decaybench: the app's role may use the conduit database and nothing else",
        "local conduit " + app + " scram-sha-256",
        "host conduit " + app + " 127.0.0.1/32 scram-sha-256",
        "host conduit " + app + " ::1/128 scram-sha-256", ""));
    Processes.Completed single = Processes.run(RunAs.unprivileged(List.of(
        binaries.bin("postgres").toString(), "--single", "-D", data.toString(), "-F",
        "-c", "exit_on_error=true", "template1")),
        staging, String.join("\n",
            DatabaseSettings.createAppRole(),
            "CREATE DATABASE " + DatabaseSettings.DATABASE + " OWNER " + app + ";",
            // pg_hba lets nobody into it; not copying it saves a sixth of each trial's copy
            "DROP DATABASE postgres;",
            ""), 120);
    if (single.exitCode() != 0) {
      throw new PostgresException("creating database conduit failed: " + tail(single.output()));
    }
    // the template is the data directory itself; the marker goes in last
    for (Path p : List.copyOf(listChildren(data))) {
      Files.move(p, staging.resolve(p.getFileName()));
    }
    Files.delete(data);
    Files.writeString(staging.resolve(READY_MARKER), binaries.version() + "\n");
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
  }

  private static List<Path> listChildren(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.toList();
    }
  }

  static String tail(String output) {
    String t = output.strip();
    return t.length() <= 800 ? t : "..." + t.substring(t.length() - 800);
  }
}
