package dev.decaybench.runner.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.decaybench.runner.util.TreeWalk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Captures a {@link DatabaseFootprint}: a JDBC look at the database and a scan of the workspace. */
public final class FootprintProbe {

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes();

  private FootprintProbe() {}

  /** SQLite files and their modification times, taken before the app starts. */
  public static Map<String, Long> sqliteFiles(Path workspace) {
    Map<String, Long> found = new HashMap<>();
    try {
      TreeWalk.files(workspace, TreeWalk.NOT_APP_CODE, (file, rel, attrs) -> {
        if (attrs.size() >= SQLITE_MAGIC.length && isSqlite(file)) {
          found.put(rel, attrs.lastModifiedTime().toMillis());
        }
      });
    } catch (IOException e) {
      // an unreadable workspace simply shows no SQLite files
    }
    return found;
  }

  public static DatabaseFootprint capture(ScorerConnection db, List<String> markers,
      Path workspace, Map<String, Long> sqliteBefore) {
    List<String> written = new ArrayList<>();
    sqliteFiles(workspace).forEach((file, mtime) -> {
      if (!mtime.equals(sqliteBefore.get(file))) {
        written.add(file);
      }
    });
    List<String> tables = new ArrayList<>();
    Map<String, String> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>(markers);
    try {
      Connection c = db.get();
      Map<String, List<String>> textColumns = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("""
          SELECT t.table_schema, t.table_name, c.column_name, c.data_type
          FROM information_schema.tables t
          LEFT JOIN information_schema.columns c
            ON c.table_schema = t.table_schema AND c.table_name = t.table_name
          WHERE t.table_type = 'BASE TABLE'
            AND t.table_schema NOT IN ('pg_catalog', 'information_schema')
          ORDER BY t.table_schema, t.table_name, c.ordinal_position""");
           ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String schema = rs.getString(1);
          String name = rs.getString(2);
          String table = quote(schema) + "." + quote(name);
          if (!textColumns.containsKey(table)) {
            tables.add(schema.equals("public") ? name : schema + "." + name);
            textColumns.put(table, new ArrayList<>());
          }
          List<String> cols = textColumns.get(table);
          String type = rs.getString(4);
          if (type != null && (type.contains("char") || type.equals("text"))) {
            cols.add(rs.getString(3));
          }
        }
      }
      for (String marker : markers) {
        String where = locate(c, textColumns, marker);
        if (where != null) {
          found.put(marker, where);
          missing.remove(marker);
        }
      }
    } catch (SQLException e) {
      return new DatabaseFootprint(tables, found, missing, written, "database not readable: " + e.getMessage());
    }
    return new DatabaseFootprint(tables, found, missing, written, null);
  }

  private static String locate(Connection c, Map<String, List<String>> textColumns, String value)
      throws SQLException {
    for (Map.Entry<String, List<String>> t : textColumns.entrySet()) {
      for (String col : t.getValue()) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT 1 FROM " + t.getKey() + " WHERE " + quote(col) + " = ? LIMIT 1")) {
          ps.setString(1, value);
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              return t.getKey().replace("\"", "") + "." + col;
            }
          }
        }
      }
    }
    return null;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static boolean isSqlite(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }
}
