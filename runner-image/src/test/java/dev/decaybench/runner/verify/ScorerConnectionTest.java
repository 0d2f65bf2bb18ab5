package dev.decaybench.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.postgres.DatabaseSettings;
import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.postgres.PostgresTemplate;
import dev.decaybench.runner.sandbox.TrialScratch;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scorer keeps one connection to the trial's database for the whole evaluation; the app
 * (the same role) may end it, and the scorer's next look must still get an answer.
 */
class ScorerConnectionTest {

  @TempDir
  Path dir;

  @Test
  void oneConnectionServesEveryLookAndOneTheAppEndedIsReplaced() throws Exception {
    PostgresBinaries binaries = PostgresBinaries.resolve(null);
    // PostgreSQL runs as an unprivileged user when the tests run as root: it must get through
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    TrialScratch scratch = TrialScratch.create(Files.createDirectories(dir.resolve("scratch")));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (EphemeralPostgres pg = EphemeralPostgres.startUnsandboxed(binaries,
            PostgresTemplate.ensure(binaries), scratch.pgData(), port, 30_000);
         ScorerConnection db = new ScorerConnection(pg.jdbcUrl(), DatabaseSettings.USER,
            DatabaseSettings.PASSWORD)) {
      Connection first = db.get();
      assertThat(db.get()).as("no new handshake per look").isSameAs(first);
      int scorerPid = pid(first);

      // the app, as the same role, ends the scorer's backend
      try (ScorerConnection app = new ScorerConnection(pg.jdbcUrl(), DatabaseSettings.USER,
          DatabaseSettings.PASSWORD); Statement st = app.get().createStatement()) {
        st.execute("SELECT pg_terminate_backend(" + scorerPid + ")");
      }

      Connection next = db.get();
      assertThat(next).isNotSameAs(first);
      assertThat(pid(next)).isNotEqualTo(scorerPid);
    }
  }

  private static int pid(Connection c) throws Exception {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
