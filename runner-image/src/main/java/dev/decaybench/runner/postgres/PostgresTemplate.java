package dev.decaybench.runner.postgres;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/**
 * A stopped data directory prepared once per PostgreSQL build: superuser {@code user} with
 * password {@code password} (scram), database {@code conduit}, durability switched off. Every
 * trial starts from a copy, which is several times faster than initdb.
 */
public final class PostgresTemplate {

  /** Bump when the prepared contents change, so old caches are not reused. */
  private static final int LAYOUT = 1;
  private static final String READY_MARKER = "decaybench-template-ready";

  private PostgresTemplate() {}

  public static Path ensure(PostgresBinaries binaries) throws IOException {
    String key = binaries.version().replaceAll("[^A-Za-z0-9.]", "_") + "-"
        + Integer.toHexString(binaries.home().toString().hashCode()) + "-v" + LAYOUT;
    Path template = CacheDirs.root().resolve("pg-template-" + key);
    if (Files.exists(template.resolve(READY_MARKER))) {
      return template;
    }
    Path lockFile = CacheDirs.root().resolve("pg-template-" + key + ".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
         FileLock ignored = ch.lock()) {
      if (!Files.exists(template.resolve(READY_MARKER))) {
        Path staging = Files.createTempDirectory(CacheDirs.root(), "pg-template-build-");
        try {
          build(binaries, staging);
          Trees.deleteQuietly(template);
          Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Trees.deleteQuietly(staging);
        }
      }
    }
    return template;
  }

  private static void build(PostgresBinaries binaries, Path staging) throws IOException {
    Path data = staging.resolve("data");
    Path pwfile = staging.resolve("pwfile");
    Files.writeString(pwfile, DatabaseSettings.PASSWORD + "\n");
    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
    if (RunAs.isRoot()) {
      UserPrincipal nobody = staging.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(Integer.toString(RunAs.NOBODY));
      Files.setOwner(staging, nobody);
      Files.setOwner(pwfile, nobody);
    }
    Processes.Completed init = Processes.run(RunAs.unprivileged(List.of(
        binaries.bin("initdb").toString(), "-D", data.toString(), "-U", DatabaseSettings.USER,
        "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync")),
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
        "logging_collector = off", "log_min_messages = warning", "log_timezone = 'UTC'",
        "timezone = 'UTC'", ""), StandardOpenOption.APPEND);
    Processes.Completed single = Processes.run(RunAs.unprivileged(List.of(
        binaries.bin("postgres").toString(), "--single", "-D", data.toString(), "-F",
        "-c", "exit_on_error=true", "template1")),
        staging, "CREATE DATABASE " + DatabaseSettings.DATABASE + ";\n", 120);
    if (single.exitCode() != 0) {
      throw new PostgresException("creating database conduit failed: " + tail(single.output()));
    }
    Files.writeString(data.resolve(READY_MARKER), binaries.version() + "\n");
    Files.move(data.resolve(READY_MARKER), staging.resolve(READY_MARKER));
    // the template is the data directory itself; keep the marker beside the files
    for (Path p : List.copyOf(listChildren(data))) {
      Files.move(p, staging.resolve(p.getFileName()));
    }
    Files.delete(data);
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
