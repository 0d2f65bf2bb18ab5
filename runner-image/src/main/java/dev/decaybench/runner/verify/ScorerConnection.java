package dev.decaybench.runner.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The scorer's connection to the trial's database, opened when first needed and kept for the
 * evaluation. Each new connection pays a SCRAM-SHA-256 handshake: 4,096 PBKDF2 rounds in this
 * JVM, 0.1-0.3 s while the JIT is cold, more than the request a write probe follows. A
 * connection the app ended (it may: it is the same role) is replaced on the next use.
 */
public final class ScorerConnection implements AutoCloseable {

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private Connection connection;

  public ScorerConnection(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts opening the connection on a thread of its own (the first {@link #get()} waits for
   * it): the handshake then overlaps the app's start instead of delaying the suite.
   */
  public static ScorerConnection openInBackground(String jdbcUrl, String user, String password) {
    ScorerConnection db = new ScorerConnection(jdbcUrl, user, password);
    Thread t = new Thread(() -> {
      try {
        db.get();
      } catch (SQLException e) {
        // the app may not have let it in yet, or never will: get() tries again when asked
      }
    }, "scorer-connection");
    t.setDaemon(true);
    t.start();
    return db;
  }

  /** An open connection in auto-commit mode: each statement sees what was committed before it. */
  public synchronized Connection get() throws SQLException {
    if (connection == null || !connection.isValid(2)) {
      close();
      connection = DriverManager.getConnection(jdbcUrl, user, password);
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // already gone with the database
      }
      connection = null;
    }
  }
}
