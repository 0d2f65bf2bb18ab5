package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.Taxonomy.AUTH;

import dev.decaybench.runner.classify.LogSignature.Kind;
import dev.decaybench.runner.classify.RequestFacts.Row;
import dev.decaybench.runner.classify.RequestFacts.Symptom;
import java.util.List;

/** Token issuing, parsing and checking. */
final class AuthRules {

  private AuthRules() {}

  /** auth-unauthorized: 401/403 on requests that carry a valid token, or on public routes. */
  static Verdict unauthorized(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.UNAUTHORIZED);
    if (rows.isEmpty()) {
      return null;
    }
    long withToken = rows.stream().filter(r -> r.entry().sendsToken()).count();
    long publicRoutes = rows.size() - withToken;
    Evidence ev = new Evidence();
    if (withToken > 0) {
      ev.add(withToken + " request(s) sending 'Authorization: Token <jwt>' from a successful login were refused");
    }
    if (publicRoutes > 0) {
      ev.add(publicRoutes + " public request(s) (no token needed) were refused");
    }
    ev.hit(f.log.first(Kind.AUTH));
    ev.rows(rows, 4);
    return Verdict.logic(AUTH, rows.size() >= 2 ? 0.9 : 0.75, ev.list());
  }

  /** auth-token-error: token code crashes (500) and the log shows a JWT error. */
  static Verdict tokenError(Facts f) {
    LogFacts.Hit h = f.log.first(Kind.AUTH);
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR);
    if (h == null || rows.isEmpty()) {
      return null;
    }
    return Verdict.logic(AUTH, 0.8, new Evidence().hit(h).rows(rows, 3).list());
  }
}
