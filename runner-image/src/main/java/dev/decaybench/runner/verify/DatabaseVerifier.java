package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The paper's database check: some evidence of the required database (driver, URL, dialect,
 * dependency) in the patch and none of the other one. Django's default sqlite settings are
 * forgiven when PostgreSQL evidence is there (and the other way round).
 */
public final class DatabaseVerifier {

  private static final int I = Pattern.CASE_INSENSITIVE;
  private static final int M = Pattern.MULTILINE;
  static final Map<String, Pattern> SQLITE = new LinkedHashMap<>();
  static final Map<String, Pattern> POSTGRES = new LinkedHashMap<>();
  static {
    SQLITE.put("import:sqlite3", Pattern.compile("(?:^|\\s)import\\s+sqlite3|from\\s+sqlite3\\s+import", M));
    SQLITE.put("import:aiosqlite", Pattern.compile("(?:^|\\s)import\\s+aiosqlite|from\\s+aiosqlite\\s+import", M));
    SQLITE.put("connstr:sqlite", Pattern.compile("sqlite(?:\\+\\w+)?:///", I));
    SQLITE.put("django:sqlite", Pattern.compile("django\\.db\\.backends\\.sqlite3", I));
    SQLITE.put("dep:sqlite3-npm", Pattern.compile("['\"]sqlite3['\"]", I));
    SQLITE.put("dep:better-sqlite3", Pattern.compile("['\"]better-sqlite3['\"]", I));
    SQLITE.put("dialect:sqlite", Pattern.compile("dialect\\s*[:=]\\s*['\"]sqlite['\"]", I));

    POSTGRES.put("import:psycopg2", Pattern.compile("(?:^|\\s)import\\s+psycopg2|from\\s+psycopg2\\s+import|psycopg2", M));
    POSTGRES.put("import:asyncpg", Pattern.compile("(?:^|\\s)import\\s+asyncpg|from\\s+asyncpg\\s+import", M));
    POSTGRES.put("connstr:postgresql", Pattern.compile("postgres(?:ql)?(?:\\+\\w+)?://", I));
    POSTGRES.put("dialect-import:pg", Pattern.compile("sqlalchemy\\.dialects\\.postgresql", I));
    POSTGRES.put("django:postgres", Pattern.compile("django\\.db\\.backends\\.postgresql", I));
    POSTGRES.put("dep:pg-npm", Pattern.compile("['\"]pg['\"]"));
    POSTGRES.put("dep:pg-promise", Pattern.compile("['\"]pg-promise['\"]", I));
    POSTGRES.put("dialect:postgres", Pattern.compile("dialect\\s*[:=]\\s*['\"]postgres(?:ql)?['\"]", I));
    POSTGRES.put("host:postgres", Pattern.compile("host\\s*[:=]\\s*['\"]postgres['\"]", I));
  }

  /** @param expected {@code postgres} or {@code sqlite} */
  public VerifierResult verify(PatchFiles patch, String expected) {
    if (patch.isEmpty()) {
      return new VerifierResult(expected, VerifierResult.PAPER, false, "no files in the patch", List.of());
    }
    String blob = TextEvidence.blob(patch);
    List<String> sqlite = new ArrayList<>(TextEvidence.labelsFound(blob, SQLITE));
    List<String> postgres = new ArrayList<>(TextEvidence.labelsFound(blob, POSTGRES));
    boolean wantPostgres = expected.equals("postgres");
    if (wantPostgres && sqlite.equals(List.of("django:sqlite")) && !postgres.isEmpty()) {
      sqlite.clear();
    }
    if (!wantPostgres && postgres.equals(List.of("django:postgres")) && !sqlite.isEmpty()) {
      postgres.clear();
    }
    List<String> wanted = wantPostgres ? postgres : sqlite;
    List<String> other = wantPostgres ? sqlite : postgres;
    String otherName = wantPostgres ? "sqlite" : "postgres";
    boolean passed = !wanted.isEmpty() && other.isEmpty();
    String reason = (wanted.isEmpty() ? "no " + expected + " evidence found"
        : "found " + expected + " evidence: " + String.join(", ", wanted))
        + (other.isEmpty() ? "" : "; also found " + otherName + " evidence: " + String.join(", ", other));
    List<String> evidence = new ArrayList<>();
    wanted.forEach(l -> evidence.add(expected + ": " + l));
    other.forEach(l -> evidence.add(otherName + ": " + l));
    return new VerifierResult(expected, VerifierResult.PAPER, passed, reason, evidence);
  }
}
