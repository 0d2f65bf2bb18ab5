package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.Taxonomy.SERVER_STARTUP_FAILURE;

import dev.decaybench.runner.classify.LogSignature.Kind;
import java.util.List;

/** The app never answered: find the start-up error that explains it. */
final class StartupRules {

  /** Log kinds that explain a dead start, most telling first. */
  private static final List<Kind> CAUSES = List.of(Kind.DATABASE_UNREACHABLE, Kind.STARTUP, Kind.DATABASE,
      Kind.FRAMEWORK, Kind.AUTH, Kind.QUERY, Kind.APP_EXCEPTION);

  private StartupRules() {}

  /** startup-no-answer: no request got an answer (or no report exists at all). */
  static Verdict noAnswer(Facts f) {
    TrialEvidence e = f.evidence;
    boolean noReport = Boolean.FALSE.equals(e.suiteRan());
    boolean silent = !f.requests.isEmpty() && !f.requests.anyAnswered();
    boolean unhealthy = Boolean.FALSE.equals(e.healthy()) && !f.requests.anyAnswered();
    if (!(noReport || silent || unhealthy) || Boolean.TRUE.equals(e.healthy()) && !noReport) {
      return null;
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
