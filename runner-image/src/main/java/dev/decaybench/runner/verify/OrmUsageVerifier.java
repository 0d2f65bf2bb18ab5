package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The required ORM really maps the app's tables and really does its queries: every table found
 * in the database has a model of that ORM (SQLAlchemy {@code __tablename__}/{@code Table(...)},
 * Sequelize {@code define}/{@code init}), and no source file runs hand-written SQL statements.
 */
public final class OrmUsageVerifier {

  public static final String NAME = "orm_usage";
  private static final Set<String> BOOKKEEPING = Set.of("sequelizemeta", "alembicversion");

  private static final List<Pattern> SQLALCHEMY_MODELS = List.of(
      Pattern.compile("__tablename__\\s*=\\s*['\"](\\w+)['\"]"),
      Pattern.compile("\\bTable\\(\\s*['\"](\\w+)['\"]"));
  private static final List<Pattern> SEQUELIZE_MODELS = List.of(
      Pattern.compile("\\.define\\(\\s*['\"](\\w+)['\"]"),
      Pattern.compile("tableName\\s*:\\s*['\"](\\w+)['\"]"),
      Pattern.compile("modelName\\s*:\\s*['\"](\\w+)['\"]"),
      Pattern.compile("class\\s+(\\w+)\\s+extends\\s+Model\\b"));
  private static final String SQL = "(?:SELECT\\s[^'\"`]*?\\sFROM|INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM)";
  private static final List<Pattern> RAW_SQL = List.of(
      Pattern.compile("\\.execute\\(\\s*(?:[fr]?['\"]{1,3})\\s*" + SQL, Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\.query\\(\\s*['\"`]\\s*" + SQL, Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\btext\\(\\s*(?:[fr]?['\"]{1,3})\\s*" + SQL, Pattern.CASE_INSENSITIVE),
      Pattern.compile("psycopg2?\\.connect\\(|asyncpg\\.connect\\(|new\\s+(?:pg\\.)?(?:Pool|Client)\\("));

  /** @param orm {@code sqlalchemy} or {@code sequelize}; {@code tables} as found in the database */
  public VerifierResult verify(SourceFiles sources, String orm, List<String> tables) {
    boolean python = orm.equals("sqlalchemy");
    Set<String> models = new LinkedHashSet<>();
    List<String> rawSql = new ArrayList<>();
    sources.byPath().forEach((path, text) -> {
      if (SourceFiles.isPython(path) != python) {
        return;
      }
      for (Pattern p : python ? SQLALCHEMY_MODELS : SEQUELIZE_MODELS) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          models.add(m.group(1));
        }
      }
      for (Pattern p : RAW_SQL) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          rawSql.add(path + ":" + SourceFiles.lineOf(text, m.start()) + ": " + m.group().strip());
        }
      }
    });
    Set<String> modelKeys = new LinkedHashSet<>();
    models.forEach(m -> modelKeys.add(key(m)));
    List<String> unmapped = new ArrayList<>();
    for (String table : tables) {
      String k = key(table.contains(".") ? table.substring(table.indexOf('.') + 1) : table);
      if (!BOOKKEEPING.contains(k) && !modelKeys.contains(k)) {
        unmapped.add(table);
      }
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(orm + " models: " + (models.isEmpty() ? "none" : String.join(", ", models)));
    unmapped.forEach(t -> evidence.add("table without a " + orm + " model: " + t));
    rawSql.stream().limit(10).forEach(r -> evidence.add("hand-written SQL: " + r));
    boolean passed = !models.isEmpty() && unmapped.isEmpty() && rawSql.isEmpty();
    String reason = models.isEmpty() ? "no " + orm + " model definitions found"
        : !rawSql.isEmpty() ? rawSql.size() + " hand-written SQL statement(s) bypass " + orm
        : !unmapped.isEmpty() ? unmapped.size() + " table(s) not mapped by " + orm
        : orm + " maps every table" + (tables.isEmpty() ? " (no tables seen at run time)" : " (" + tables.size() + ")");
    return new VerifierResult(NAME, ImportGraphVerifier.SOURCE, passed, reason, evidence);
  }

  /** Table and model names compared loosely: case, underscores and a plural s ignored. */
  static String key(String name) {
    String k = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (k.endsWith("ies")) {
      return k.substring(0, k.length() - 3) + "y";
    }
    return k.endsWith("s") ? k.substring(0, k.length() - 1) : k;
  }
}
