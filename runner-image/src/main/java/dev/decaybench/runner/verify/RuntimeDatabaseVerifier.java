package dev.decaybench.runner.verify;

import dev.decaybench.model.result.VerifierResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves at run time which database the app really used: for a PostgreSQL task the trial's
 * {@code conduit} database must hold the app's tables and the rows the suites created, and no
 * SQLite file may have been written; for a SQLite task the other way round.
 */
public final class RuntimeDatabaseVerifier {

  public static final String NAME = "database_runtime";

  /** @param expected {@code postgres} or {@code sqlite} */
  public VerifierResult verify(DatabaseFootprint fp, String expected) {
    List<String> evidence = new ArrayList<>();
    evidence.add("tables in conduit: " + (fp.tables().isEmpty() ? "none" : String.join(", ", fp.tables())));
    fp.markersFound().forEach((value, where) -> evidence.add("row with '" + value + "' in " + where));
    fp.markersMissing().forEach(value -> evidence.add("no row with '" + value + "'"));
    fp.sqliteFilesWritten().forEach(f -> evidence.add("SQLite file written: " + f));
    if (fp.error() != null) {
      evidence.add(fp.error());
    }
    boolean rowsInPostgres = !fp.markersFound().isEmpty();
    boolean passed;
    String reason;
    if (expected.equals("postgres")) {
      passed = !fp.tables().isEmpty() && fp.markersMissing().isEmpty() && fp.sqliteFilesWritten().isEmpty();
      reason = passed ? "the suites' rows are in PostgreSQL (" + fp.markersFound().size() + " found)"
          : !fp.sqliteFilesWritten().isEmpty() ? "data went to SQLite, not PostgreSQL"
          : fp.tables().isEmpty() ? "the PostgreSQL database has no tables"
          : "rows the suites created are missing from PostgreSQL";
    } else {
      passed = !fp.sqliteFilesWritten().isEmpty() && !rowsInPostgres;
      reason = passed ? "data written to SQLite, none to PostgreSQL"
          : rowsInPostgres ? "the suites' rows are in PostgreSQL, not SQLite" : "no SQLite file was written";
    }
    return new VerifierResult(NAME, ImportGraphVerifier.SOURCE, passed, reason, evidence);
  }
}
