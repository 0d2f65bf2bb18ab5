package dev.decaybench.runner.postgres;

/** The connection every Conduit task promises the agent: fixed user, password and database. */
public final class DatabaseSettings {
  public static final String HOST = "postgres";
  public static final int PORT = 5432;
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String DATABASE = "conduit";

  private DatabaseSettings() {}

  /**
   * The app's role: it may log in and own its database, nothing more (no superuser, so no
   * {@code COPY ... PROGRAM}, no server files, no changes to the template). One statement for
   * the local template and the pod's sidecar.
   */
  public static String createAppRole() {
    return "CREATE ROLE " + quoted(USER) + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
        + " NOREPLICATION NOBYPASSRLS PASSWORD '" + PASSWORD + "';";
  }

  /**
   * The trial pod's PostgreSQL initialisation (a script for {@code /docker-entrypoint-initdb.d},
   * which the official image and decaybench's run as the sidecar's superuser once, against
   * {@code conduit}): the app's role, made owner of {@code conduit} (and so of its public schema).
   */
  public static String sidecarInitSql() {
    return String.join("\n",
        "-- decaybench: the app gets a role that owns conduit and nothing more",
        createAppRole(),
        "ALTER DATABASE " + DATABASE + " OWNER TO " + quoted(USER) + ";",
        "REVOKE ALL ON DATABASE postgres FROM PUBLIC;", "");
  }

  static String quoted(String identifier) {
    return "\"" + identifier + "\"";
  }
}
