package dev.decaybench.runner.classify.facts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A recognisable line in a server or setup log. A line matches when it contains one of the
 * {@code needles} (plain, case-sensitive substrings: cheap to test) and, when a {@code pattern}
 * is given, the pattern also finds a match in it.
 */
public record LogSignature(String id, Kind kind, String origin, List<String> needles, Pattern pattern) {

  /** What a matching line says about the failure. */
  public enum Kind {
    /** The agent's run.sh is missing: the deliverable was never written. */
    MISSING_RUN_SCRIPT,
    /** A query that the database or ORM rejects because of how it was composed. */
    QUERY,
    /** ORM / driver misuse or schema trouble at run time. */
    DATABASE,
    /** The database could not be reached at all. */
    DATABASE_UNREACHABLE,
    /** Token parsing, signing or verification. */
    AUTH,
    /** Behaviour peculiar to one web framework. */
    FRAMEWORK,
    /** Request or response validation against a schema. */
    SCHEMA,
    /** A stub left in place of a handler. */
    NOT_IMPLEMENTED,
    /** The process could not start: imports, syntax, ports, missing binaries. */
    STARTUP,
    /** An identifier or dependent row that a later request needed was never created or passed on. */
    STATE,
    /** Any other exception raised by the app. */
    APP_EXCEPTION
  }

  public boolean matches(String line) {
    for (String n : needles) {
      if (line.contains(n)) {
        return pattern == null || pattern.matcher(line).find();
      }
    }
    return false;
  }
}
