package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.BUSINESS;
import static dev.decaybench.runner.classify.model.Taxonomy.DATABASE;
import static dev.decaybench.runner.classify.model.Taxonomy.QUERY;
import static dev.decaybench.runner.classify.model.Taxonomy.OTHER;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RaiseSite;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Behaviour that works but does not match the specification, and the last resorts. */
final class FallbackRules {

  private FallbackRules() {}

  /** status-mismatch: the right body with the wrong 2xx status (201 where 200 is expected). */
  static Verdict statusMismatch(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.STATUS_MISMATCH);
    return rows.isEmpty() ? null : Verdict.logic(BUSINESS, 0.7, new Evidence()
        .add("success answered with a status the contract does not use").rows(rows, 3).list());
  }

  /**
   * app-exception: requests crash and the log shows an exception of the app's own code. Raised in
   * the data-access code (a repository, a session, a query being built): a database runtime
   * error; anywhere else: a business logic defect.
   */
  static Verdict appException(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR, Symptom.NO_ANSWER);
    LogFacts.Hit h = f.log.last(Kind.APP_EXCEPTION);
    if (rows.isEmpty() || h == null) {
      return null;
    }
    RaiseSite.Site site = RaiseSite.last(f.log);
    if (site != null && site.inDataLayer()) {
      return Verdict.logic(DATABASE, 0.55, new Evidence().hit(site.exception())
          .add("raised in the data-access code: " + site.dataLayerLine()).rows(rows, 3).list());
    }
    return Verdict.logic(BUSINESS, 0.55, new Evidence().hit(site != null ? site.exception() : h).rows(rows, 3).list());
  }

  /** client-error: a valid request refused by the app's own validation (400/409/422). */
  static Verdict clientError(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.CLIENT_ERROR);
    return rows.isEmpty() ? null : Verdict.logic(BUSINESS, 0.55, new Evidence()
        .add("a valid request was refused by the app's validation").rows(rows, 3).list());
  }

  /**
   * logic-fallback: requests fail in ways no other rule explains. Crashes with nothing in the log
   * are placed by where they happen: only in article lists, the list query; in writes across
   * several route groups, the database layer they share.
   */
  static Verdict anyFailure(Facts f) {
    List<Row> rows = f.requests.roots();
    if (rows.isEmpty()) {
      return null;
    }
    List<Row> crashed = f.requests.roots(Symptom.SERVER_ERROR);
    if (!crashed.isEmpty() && f.log.all(Kind.APP_EXCEPTION).isEmpty()) {
      boolean othersMinor = rows.stream().allMatch(r -> r.symptom() == Symptom.SERVER_ERROR
          || r.symptom() == Symptom.SEMANTIC || r.symptom() == Symptom.EMPTY);
      if (crashed.size() >= 2 && othersMinor && crashed.stream().allMatch(r -> r.entry().articleList())) {
        return Verdict.logic(QUERY, 0.4, new Evidence()
            .add("only the article lists crash (" + crashed.size() + "), with no error in the log: the list query")
            .rows(crashed, 3).list());
      }
      long groups = crashed.stream().filter(r -> !"GET".equals(r.entry().method())).map(r -> r.entry().group()).distinct().count();
      if (groups >= 3 && crashed.size() * 2 >= rows.size()) {
        return Verdict.logic(DATABASE, 0.35, new Evidence()
            .add("writes crash across " + groups + " route groups with no error in the log: the data layer they share")
            .rows(crashed, 3).list());
      }
    }
    return Verdict.logic(BUSINESS, 0.3, new Evidence()
        .add("the app answers but behaves differently from the contract; no specific cause recognised")
        .hit(f.log.last(Kind.APP_EXCEPTION)).rows(rows, 3).list());
  }

  /** nothing-fits: the catch-all. */
  static Verdict nothingFits(Facts f) {
    Evidence ev = new Evidence().add("no rule matched the evidence");
    f.evidence.inputProblems().forEach(p -> ev.add("input: " + p));
    return Verdict.of(OTHER, 0.2, ev.list());
  }
}
