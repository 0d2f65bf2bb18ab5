package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.SERVER_STARTUP_FAILURE;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** The app never answered: find the start-up error that explains it. */
final class StartupRules {

  /** Log kinds that explain a dead start, most telling first. */
  private static final List<Kind> CAUSES = List.of(Kind.DATABASE_UNREACHABLE, Kind.STARTUP, Kind.DATABASE,
      Kind.FRAMEWORK, Kind.AUTH, Kind.QUERY, Kind.APP_EXCEPTION);

  /** A line showing the app received a request: an access-log line of any of the eight frameworks. */
  private static final java.util.regex.Pattern SERVED = java.util.regex.Pattern.compile(
      "\"(?:GET|POST|PUT|DELETE|PATCH) /\\S* HTTP/1\\.[01]\" \\d{3}|^\\s*(?:<--|-->) (?:GET|POST|PUT|DELETE|PATCH) /"
      + "|^(?:GET|POST|PUT|DELETE|PATCH) /\\S* \\d{3} |\"msg\":\"(?:incoming request|request completed)\"",
      java.util.regex.Pattern.MULTILINE);

  private StartupRules() {}

  /**
   * The log shows the app serving a request (an access-log line) and, after that, a database,
   * query or app error: the process started, answered, then died on a request. An unreachable
   * database or a start-up error stays a start-up failure.
   */
  static boolean diedServing(Facts f) {
    String log = f.evidence.serverLog();
    java.util.regex.Matcher m = SERVED.matcher(log);
    if (!m.find() || f.log.first(Kind.DATABASE_UNREACHABLE) != null || f.log.first(Kind.STARTUP) != null) {
      return false;
    }
    int served = m.start();
    for (Kind k : List.of(Kind.QUERY, Kind.DATABASE, Kind.APP_EXCEPTION, Kind.AUTH, Kind.STATE)) {
      for (LogFacts.Hit h : f.log.all(k)) {
        if (!h.setup() && log.indexOf(h.line(), served) > served) {
          return true;
        }
      }
    }
    return false;
  }

  /** startup-no-answer: no request got an answer (or no report exists at all). */
  static Verdict noAnswer(Facts f) {
    TrialEvidence e = f.evidence;
    boolean noReport = Boolean.FALSE.equals(e.suiteRan());
    boolean silent = !f.requests.isEmpty() && !f.requests.anyAnswered();
    boolean unhealthy = Boolean.FALSE.equals(e.healthy()) && !f.requests.anyAnswered();
    if (!(noReport || silent || unhealthy) || Boolean.TRUE.equals(e.healthy()) && !noReport) {
      return null;
    }
    if (!noReport && diedServing(f)) {
      return null; // it started, then a request killed it: the crash rules name the cause
    }
    Evidence ev = new Evidence();
    LogFacts.Hit cause = null;
    for (Kind k : CAUSES) {
      cause = f.log.last(k);
      if (cause != null) {
        LogFacts.Hit first = f.log.first(k);
        ev.hit(first != cause && first.signature() != cause.signature() ? first : null);
        ev.hit(cause);
        break;
      }
    }
    e.startupNotes().forEach(ev::add);
    if (noReport) {
      ev.add("no test report: the suite never reached the app");
    } else if (silent) {
      ev.add("none of " + f.requests.rows().size() + " failed requests got an answer");
      ev.rows(f.requests.rows(), 1);
    }
    return Verdict.of(SERVER_STARTUP_FAILURE, cause != null ? 0.95 : 0.8, ev.list());
  }
}
