package dev.decaybench.runner.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.sandbox.TrialScratch;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trial copies the template before its app can start: it holds what a trial uses, no more. */
class PostgresTemplateTest {

  private static final long MIB = 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void theTemplateHoldsSmallWalSegmentsAndNoDatabaseATrialCannotUse() throws Exception {
    PostgresBinaries binaries = PostgresBinaries.resolve(null);
    Path template = PostgresTemplate.ensure(binaries);

    try (Stream<Path> wal = Files.list(template.resolve("pg_wal"))) {
      assertThat(wal.filter(Files::isRegularFile).toList()).isNotEmpty()
          .allSatisfy(segment -> assertThat(Files.size(segment)).isEqualTo(MIB));
    }
    assertThat(sizeOf(template)).as("bytes every trial copies").isLessThan(32 * MIB);

    // a copy still starts, and the app's role finds its database and the templates only
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    TrialScratch scratch = TrialScratch.create(Files.createDirectories(dir.resolve("scratch")));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (EphemeralPostgres pg = EphemeralPostgres.startUnsandboxed(binaries, template,
            scratch.pgData(), port, 30_000);
         Connection c = DriverManager.getConnection(pg.jdbcUrl(), DatabaseSettings.USER,
            DatabaseSettings.PASSWORD);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT datname FROM pg_database ORDER BY datname")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).containsExactly("conduit", "template0", "template1");
    }
  }

  private static long sizeOf(Path tree) throws Exception {
    try (Stream<Path> files = Files.walk(tree)) {
      long total = 0;
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(f);
      }
      return total;
    }
  }
}
