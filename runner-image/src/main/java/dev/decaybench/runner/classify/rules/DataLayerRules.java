package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.BUSINESS;
import static dev.decaybench.runner.classify.model.Taxonomy.DATABASE;
import static dev.decaybench.runner.classify.model.Taxonomy.QUERY;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.input.ConduitCollection.Group;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Data-layer defects: queries composed wrongly, and database/ORM errors at run time. */
final class DataLayerRules {

  private DataLayerRules() {}

  /**
   * data-layer-error: requests crash (5xx or the server dies) and the log names a database or
   * ORM error; a query-composition error (bad operator, bad literal, bad join) wins over others.
   */
  static Verdict crash(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR, Symptom.NO_ANSWER);
    if (rows.isEmpty()) {
      return null;
    }
    LogFacts.Hit q = f.log.first(Kind.QUERY);
    if (q != null) {
      return Verdict.logic(QUERY, 0.85, new Evidence().hit(q)
          .add("query rejected by the database: " + q.signature().id()).rows(rows, 3).list());
    }
    LogFacts.Hit d = f.log.first(Kind.DATABASE);
    if (d == null) {
      d = f.log.first(Kind.DATABASE_UNREACHABLE);
    }
    if (d == null) {
      return null;
    }
    LogFacts.Hit last = f.log.last(d.signature().kind());
    Evidence ev = new Evidence().hit(last);
    ev.hit(last != null && !last.line().equals(d.line()) ? d : null);
    return Verdict.logic(DATABASE, 0.9, ev.add(d.signature().origin() + " runtime error: " + d.signature().id())
        .rows(rows, 3).list());
  }

  /**
   * filter-refused: the first request to fail is a filtered article list (author, tag, favorited, feed)
   * refused with 400/422 while the unfiltered list answers 2xx: the route works, the filter is
   * built wrongly (a bad where clause, a parameter of the wrong type).
   */
  static Verdict filterRefused(Facts f) {
    List<Row> roots = f.requests.roots();
    if (roots.isEmpty() || !refusedFilter(roots.get(0))) {
      return null;
    }
    Row unfiltered = f.requests.named("All Articles");
    if (unfiltered != null && !unfiltered.request().success2xx()) {
      return null;
    }
    boolean othersRefused = f.requests.rows().stream().anyMatch(r -> !r.entry().articleList()
        && "GET".equals(r.entry().method()) && r.symptom() == Symptom.CLIENT_ERROR);
    if (othersRefused) {
      return null; // single articles and comments refused the same way: not the lists' filter
    }
    List<Row> refused = roots.stream().filter(DataLayerRules::refusedFilter).toList();
    return Verdict.logic(QUERY, 0.7, new Evidence()
        .add("filtered article lists refused (" + refused.size() + ") while the unfiltered list answers:"
            + " the filter query is built wrongly")
        .rows(refused, 4).list());
  }

  private static boolean refusedFilter(Row r) {
    return r.entry().articleList() && (r.entry().filteredList() || r.entry().group() == Group.FEED)
        && r.symptom() == Symptom.CLIENT_ERROR;
  }

  /**
   * list-query: only article-list GETs fail, answering 2xx with wrong items, while the lists that
   * are checked only for their wrapper pass and the article itself (create, single) is served
   * right: the list query builds its rows differently from the rest of the app.
   */
  static Verdict listQuery(Facts f) {
    List<Row> roots = f.requests.roots();
    if (roots.isEmpty() || !roots.stream().allMatch(r -> r.entry().articleList()
        && (r.request().success2xx() || r.symptom() == Symptom.CLIENT_ERROR || r.symptom() == Symptom.NOT_FOUND))) {
      return null;
    }
    if (roots.stream().allMatch(r -> r.symptom() == Symptom.EMPTY)
        || roots.stream().anyMatch(r -> r.entry().wrapperOnly() && r.request().success2xx())) {
      return null; // empty lists: filter-wrong-results; a wrong wrapper: response-shape
    }
    if (roots.stream().anyMatch(r -> r.symptom() == Symptom.NOT_FOUND && !RouteRules.listRouteServed(f, r))) {
      return null; // no list answers at all: the route is missing
    }
    for (String name : List.of("Create Article", "Single Article by slug")) {
      Row r = f.requests.named(name);
      if (r != null && r.symptom() == Symptom.SHAPE) {
        return null;
      }
    }
    return Verdict.logic(QUERY, 0.65, new Evidence()
        .add("only article lists fail (" + roots.size() + " of them), with wrong items or a refused filter, while the"
            + " lists' wrapper and the single article are right: the list query is wrong")
        .rows(roots, 4).list());
  }

  /**
   * filter-wrong-results: a list answers 200 but is empty although its article exists: filtered
   * article lists point at the query; an empty comment list at the retrieval logic.
   */
  static Verdict emptyResults(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.EMPTY);
    if (rows.isEmpty()) {
      return null;
    }
    List<Row> articles = rows.stream().filter(r -> r.entry().group() != Group.COMMENTS).toList();
    if (articles.isEmpty()) {
      // the comment was stored (its creation passed): the lookup by article finds nothing
      return Verdict.logic(QUERY, 0.6, new Evidence()
          .add("comment list empty although a comment was created: the query by article is wrong").rows(rows, 3).list());
    }
    boolean filtered = articles.stream().anyMatch(r -> r.entry().filteredList());
    return Verdict.logic(QUERY, filtered ? 0.8 : 0.6, new Evidence()
        .add(filtered ? "filtered article list (author/tag/favorited) empty although a matching article exists"
            : "article list empty although an article was created")
        .rows(articles, 4).list());
  }
}
