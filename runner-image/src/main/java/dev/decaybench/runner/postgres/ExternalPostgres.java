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

  /** @param hostPort {@code host:port}, e.g. {@code postgres:5432} */
  public static ExternalPostgres reset(String hostPort, long timeoutMillis) throws PostgresException {
    String[] hp = hostPort.split(":");
    ExternalPostgres pg = new ExternalPostgres(hp[0], hp.length > 1 ? Integer.parseInt(hp[1]) : 5432);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    SQLException last = null;
    while (System.currentTimeMillis() < deadline) {
      try (Connection c = DriverManager.getConnection(pg.url("postgres"), DatabaseSettings.USER,
          DatabaseSettings.PASSWORD); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DatabaseSettings.DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + DatabaseSettings.DATABASE);
        return pg;
      } catch (SQLException e) {
        last = e;
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new PostgresException("the PostgreSQL sidecar at " + hostPort + " could not be reset: "
        + (last == null ? "timed out" : last.getMessage()));
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
