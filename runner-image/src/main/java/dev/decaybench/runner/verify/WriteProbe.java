package dev.decaybench.runner.verify;

import dev.decaybench.model.result.WriteCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks the trial's database, right after a write of the paper's suite answered 2xx, whether the
 * write was committed: the created comment's body in some text column, a row in a favourites or
 * follows table. Read from the scorer's own connection, so a write that was only flushed is not
 * seen.
 * The paper's judge never had this: a thing that does not show up later is a lost write when
 * its row is absent, a query that misses it when the row is there.
 */
public final class WriteProbe {

  /** The body the paper's Create Comment sends (features/conduit/03-articles-favorites-comments.feature). */
  static final String COMMENT_BODY = "Thank you so much!";

  private final ScorerConnection db;

  public WriteProbe(ScorerConnection db) {
    this.db = db;
  }

  /** The check for this request of the paper's suite, or empty when it writes nothing watched or the database cannot say. */
  public Optional<WriteCheck> after(String request) {
    Optional<WriteCheck> first = look(request);
    if (first.isEmpty() || first.get().stored()) {
      return first;
    }
    try {
      Thread.sleep(250); // an app may answer before its write lands; look once more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return first;
    }
    return look(request);
  }

  private Optional<WriteCheck> look(String request) {
    try {
      Connection c = db.get();
      return switch (request) {
        case "Create Comment for Article" -> textRow(c, request, "comment", COMMENT_BODY);
        case "Favorite Article" -> joinRow(c, request, "favourite", "favor");
        case "Follow Profile" -> joinRow(c, request, "follow", "follow");
        default -> Optional.empty();
      };
    } catch (SQLException e) {
      return Optional.empty(); // no answer is no evidence
    }
  }

  private static Optional<WriteCheck> textRow(Connection c, String request, String thing, String value)
      throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (data_type LIKE '%char%' OR data_type = 'text')""");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    for (String[] col : columns) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + quote(col[0]) + "." + quote(col[1])
          + " WHERE " + quote(col[2]) + " = ? LIMIT 1")) {
        ps.setString(1, value);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new WriteCheck(request, thing, true, col[1] + "." + col[2]));
          }
        }
      }
    }
    return Optional.of(new WriteCheck(request, thing, false,
        "no text column of " + columns.stream().map(x -> x[1]).distinct().count() + " table(s) holds it"));
  }

  /** A row in any table named like the thing (favorites, article_favorites, follows, user_followers). */
  private static Optional<WriteCheck> joinRow(Connection c, String request, String thing, String nameHas)
      throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(2).toLowerCase(Locale.ROOT).contains(nameHas)) {
          tables.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    if (tables.isEmpty()) {
      return Optional.empty(); // stored some other way (a column, an array): the probe cannot tell
    }
    for (String[] t : tables) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + quote(t[0]) + "." + quote(t[1]) + " LIMIT 1");
           ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return Optional.of(new WriteCheck(request, thing, true, t[1]));
        }
      }
    }
    return Optional.of(new WriteCheck(request, thing, false, "no row in " + String.join(", ",
        tables.stream().map(t -> t[1]).toList())));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
