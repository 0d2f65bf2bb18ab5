package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.AUTH;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RaiseSite;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Token issuing, parsing and checking. */
final class AuthRules {

  private AuthRules() {}

  /** auth-unauthorized: 401/403 on requests that carry a valid token, or on public routes. */
  static Verdict unauthorized(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.UNAUTHORIZED);
    if (rows.isEmpty()) {
      List<Row> refused = tokenRefusedOtherwise(f);
      if (refused.isEmpty()) {
        return null;
      }
      return Verdict.logic(AUTH, 0.65, new Evidence()
          .add(refused.size() + " request(s) whose only input is the token (and a body) refused with 4xx across route"
              + " groups, while every public request works")
          .hit(f.log.first(Kind.AUTH)).rows(refused, 4).list());
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

  /** Token-only requests without a slug: their only inputs are the token and (for writes) the body. */
  private static final java.util.Set<String> TOKEN_ONLY = java.util.Set.of("Current User", "Update User",
      "Create Article", "Feed");

  /**
   * The token is refused with another 4xx than 401: token-carrying requests of at least two route
   * groups (current user, create article, feed) fail with 400/404/422, at least two of them, one a
   * bodiless GET whose only input is the token, while no public request fails (FastAPI reading the
   * token from a parameter it does not find, a user looked up by the wrong claim).
   */
  static List<Row> tokenRefusedOtherwise(Facts f) {
    List<Row> rows = f.requests.roots().stream()
        .filter(r -> TOKEN_ONLY.contains(r.entry().name()) && r.request().status() != null
            && r.request().status() >= 400 && r.request().status() < 500)
        .toList();
    boolean bodilessGet = rows.stream().anyMatch(r -> "GET".equals(r.entry().method()));
    long groups = rows.stream().map(r -> r.entry().group()).distinct().count();
    boolean publicFailed = f.requests.rows().stream().anyMatch(r -> !r.entry().sendsToken() && r.entry().known()
        && !r.cascade() && !r.request().success2xx());
    return rows.size() >= 2 && bodilessGet && groups >= 2 && !publicFailed ? rows : List.of();
  }

  private static final java.util.regex.Pattern AUTH_CODE = java.util.regex.Pattern.compile(
      "(?i)current_?user|get_?user_from|viewer|\\bauth|token|jwt|\\buser\\[|\\buser\\.get\\(|\\buser\\s*=|\\(user\\b");

  /**
   * auth-helper-not-awaited: requests crash because the helper that resolves the current user is
   * async and was called without await: the code uses a coroutine where the user should be. Every
   * authenticated request fails with it, so it is upstream of everything else.
   */
  static Verdict helperNotAwaited(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR);
    RaiseSite.Site site = RaiseSite.last(f.log);
    if (rows.isEmpty() || site == null || !site.exception().line().contains("'coroutine' object")
        || !AUTH_CODE.matcher(site.appFrame()).find()) {
      return null;
    }
    return Verdict.logic(AUTH, 0.75, new Evidence().hit(site.exception())
        .add("raised at " + Facts.clip(site.appFrame(), 200) + ": the current-user helper is async and was not awaited")
        .rows(rows, 3).list());
  }

  /** auth-token-error: token code crashes (500) and the log shows a JWT error. */
  static Verdict tokenError(Facts f) {
    LogFacts.Hit h = f.log.all(Kind.AUTH).stream().filter(x -> !x.signature().id().equals("auth-rejected"))
        .findFirst().orElse(null); // a logged refusal is the symptom of a 401, not a crash in token code
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR);
    if (h == null || rows.isEmpty()) {
      return null;
    }
    return Verdict.logic(AUTH, 0.8, new Evidence().hit(h).rows(rows, 3).list());
  }
}
