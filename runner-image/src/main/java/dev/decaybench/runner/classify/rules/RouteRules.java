package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.FRAMEWORK;
import static dev.decaybench.runner.classify.model.Taxonomy.INCOMPLETE_IMPLEMENTATION;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.input.ConduitCollection;
import dev.decaybench.runner.classify.input.ConduitCollection.Entry;
import dev.decaybench.runner.classify.input.ConduitCollection.Group;
import dev.decaybench.runner.classify.input.ConduitCollection.Resource;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules for routes the agent never wrote: stubs, missing route groups, missing methods. */
final class RouteRules {

  private RouteRules() {}

  /** not-implemented: a handler still raises NotImplementedError (or says "not implemented"). */
  static Verdict notImplemented(Facts f) {
    LogFacts.Hit h = f.log.first(Kind.NOT_IMPLEMENTED);
    List<Row> hurt = f.requests.roots().stream().filter(r -> !r.request().success2xx()).toList();
    if (h == null || hurt.isEmpty()) {
      return null;
    }
    return Verdict.of(INCOMPLETE_IMPLEMENTATION, 0.85, new Evidence().hit(h).rows(hurt, 3).list());
  }

  private static boolean missingRoute(Row r) {
    return !r.cascade() && (r.symptom() == Symptom.NOT_FOUND || r.symptom() == Symptom.NOT_ALLOWED);
  }

  /** route-group-missing: every request of a route group answers 404/405. */
  static Verdict groupMissing(Facts f) {
    List<String> groups = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (Group g : Group.values()) {
      List<Entry> members = ConduitCollection.members(g);
      if (g == Group.OTHER || members.isEmpty()) {
        continue;
      }
      List<Row> failed = new ArrayList<>();
      for (Entry m : members) {
        Row r = f.requests.row(m);
        if (r != null && missingRoute(r)) {
          failed.add(r);
        }
      }
      if (failed.size() == members.size()) {
        groups.add(g.name().toLowerCase(java.util.Locale.ROOT));
        rows.addAll(failed);
      }
    }
    if (groups.isEmpty()) {
      return null;
    }
    return Verdict.of(INCOMPLETE_IMPLEMENTATION, 0.85, new Evidence()
        .add("route group(s) never implemented, every request 404/405: " + String.join(", ", groups))
        .rows(rows, 4).list());
  }

  /**
   * feed-shadowed: GET /articles/feed answers 404 while GET /articles/{slug} works: the static
   * route was registered after the parameterised one, which takes "feed" for a slug.
   */
  static Verdict feedShadowed(Facts f) {
    Row feed = f.requests.named("Feed");
    if (feed == null || feed.cascade() || feed.symptom() != Symptom.NOT_FOUND) {
      return null;
    }
    if (!f.requests.answered2xx("Single Article by slug")) {
      return null;
    }
    return Verdict.logic(FRAMEWORK, 0.65, new Evidence()
        .add("GET /articles/feed answers 404 while GET /articles/{slug} works: the slug route is matched first"
            + " (route order)").add("framework: " + f.framework).rows(List.of(feed), 1).list());
  }

  /** Requests that share one path, so one of them answering proves the path is routed. */
  private static final List<Set<String>> SAME_PATH = List.of(
      Set.of("Single Article by slug", "Update Article", "Delete Article"),
      Set.of("Favorite Article", "Unfavorite Article"),
      Set.of("Create Comment for Article", "All Comments for Article", "All Comments for Article without login"),
      Set.of("Current User", "Update User"),
      Set.of("Follow Profile", "Unfollow Profile", "Profile"),
      Set.of("Create Article", "All Articles"));

  /**
   * method-not-allowed: the method was never routed (405). When another method on the same path
   * answers, the route exists and the framework's method wiring is at fault (the paper names 405
   * handling a framework idiosyncrasy); otherwise the endpoint is missing.
   */
  static Verdict methodNotAllowed(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.NOT_ALLOWED);
    if (rows.isEmpty()) {
      return null;
    }
    boolean oneOrRead = rows.size() == 1 || rows.stream().allMatch(r -> "GET".equals(r.entry().method()));
    for (Row r : oneOrRead ? rows : List.<Row>of()) { // 405 on writes across paths: the handlers were never written
      for (Set<String> path : SAME_PATH) {
        if (path.contains(r.entry().name()) && path.stream().filter(n -> !n.equals(r.entry().name()))
            .anyMatch(f.requests::answered2xx)) {
          return Verdict.logic(FRAMEWORK, 0.7, new Evidence()
              .add("405 on " + r.entry().method() + " although the same path answers another method: method"
                  + " routing of the framework").add("framework: " + f.framework).rows(rows, 3).list());
        }
      }
    }
    return Verdict.of(INCOMPLETE_IMPLEMENTATION, 0.75, new Evidence()
        .add("method not routed (405/501) on " + rows.size() + " request(s)").rows(rows, 4).list());
  }

  /**
   * A 404 on an article list while another list request (the same GET /articles route with other
   * query parameters) passed or answered 2xx: the route exists, the filter's lookup answers 404.
   */
  static boolean listRouteServed(Facts f, Row r) {
    if (!r.entry().articleList() || r.entry().group() != Group.ARTICLES) {
      return false;
    }
    for (Entry e : ConduitCollection.entries()) {
      if (e.index() == r.entry().index() || !e.articleList() || e.group() != Group.ARTICLES) {
        continue;
      }
      Row other = f.requests.row(e);
      if (other == null ? !f.requests.allListed() || ranAndPassed(f, e) : other.request().success2xx()) {
        return true;
      }
    }
    return false;
  }

  private static boolean ranAndPassed(Facts f, Entry e) {
    return f.evidence.requests().stream().anyMatch(q -> q.name().equalsIgnoreCase(e.name()) && !q.failed()
        && q.success2xx());
  }

  /** endpoint-404: an endpoint that needs no earlier state answers 404: it is missing. */
  static Verdict endpointNotFound(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.NOT_FOUND).stream()
        .filter(r -> !r.entry().needs(Resource.SLUG) && !r.entry().needs(Resource.CELEB))
        .filter(r -> !listRouteServed(f, r))
        .toList();
    if (rows.isEmpty()) {
      return null;
    }
    return Verdict.of(INCOMPLETE_IMPLEMENTATION, 0.65, new Evidence()
        .add("endpoint(s) answering 404 although they need no earlier resource").rows(rows, 4).list());
  }
}
