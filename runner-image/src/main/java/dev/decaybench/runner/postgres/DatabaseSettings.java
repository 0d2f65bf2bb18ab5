package dev.decaybench.runner.postgres;

/** The connection every Conduit task promises the agent: fixed user, password and database. */
public final class DatabaseSettings {
  public static final String HOST = "postgres";
  public static final int PORT = 5432;
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String DATABASE = "conduit";

  private DatabaseSettings() {}
}
