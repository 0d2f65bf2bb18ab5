package dev.decaybench.runner.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL someone else runs, as the sidecar of a trial pod: the evaluation resets the
 * {@code conduit} database (the agent may have used it while it worked) before the app starts.
 */
public final class ExternalPostgres implements TrialDatabase {

  private final String host;
  private final int port;

  private ExternalPostgres(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /**
   * Gives the app an empty {@code conduit}, emptied in place schema by schema as the app's own
   * role (which only owns {@code conduit}: dropping the database would leave it unable to create
   * it again). The sidecar starts after the agent, so this is a guard, not a clean-up.
   *
   * @param hostPort {@code host:port}, e.g. {@code postgres:5432}
   */
  public static ExternalPostgres reset(String hostPort, long timeoutMillis) throws PostgresException {
    String[] hp = hostPort.split(":");
    ExternalPostgres pg = new ExternalPostgres(hp[0], hp.length > 1 ? Integer.parseInt(hp[1]) : 5432);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        pg.emptyInPlace();
        return pg;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new PostgresException("the PostgreSQL sidecar at " + hostPort + " could not be reset: "
        + (last == null ? "timed out" : last.getMessage()));
  }

  private void emptyInPlace() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), DatabaseSettings.USER,
        DatabaseSettings.PASSWORD); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
      s.execute("DO $$ DECLARE n text; BEGIN"
          + " FOR n IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
          + " AND nspname <> 'information_schema' AND (nspname = 'public'"
          + " OR pg_has_role(nspowner, 'USAGE')) LOOP"
          + " EXECUTE 'DROP SCHEMA ' || quote_ident(n) || ' CASCADE'; END LOOP;"
          + " CREATE SCHEMA public; END $$");
      s.execute("ALTER DATABASE " + DatabaseSettings.DATABASE + " RESET ALL");
    }
  }

  private String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String jdbcUrl() {
    return url(DatabaseSettings.DATABASE);
  }

  @Override
  public void close() {
    // the sidecar lives and dies with its pod
  }
}
