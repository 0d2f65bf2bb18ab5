package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.QUERY;
import static dev.decaybench.runner.classify.model.Taxonomy.STATE;

import dev.decaybench.model.result.WriteCheck;
import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.input.ConduitCollection;
import dev.decaybench.runner.classify.input.ConduitCollection.Resource;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Writes and identifiers that do not reach later requests. */
final class StateRules {

  private StateRules() {}

  /**
   * slug-not-propagated: the article was created, yet the requests that use its slug go to
   * /articles/null (or undefined), or all answer 404.
   */
  static Verdict slugNotPropagated(Facts f) {
    Row producer = f.requests.broken(Resource.SLUG);
    if (producer != null) {
      return slugNotReturned(f, producer);
    }
    List<Row> slugRows = f.requests.roots().stream()
        .filter(r -> slugInPath(r) && !r.request().success2xx()).toList();
    if (slugRows.isEmpty()) {
      return null;
    }
    String line = f.log.unresolvedSlugLine();
    if (line == null) {
      line = slugRows.stream().map(r -> r.request().path()).filter(p -> p != null
          && p.matches(".*/articles/(null|undefined|None)(/.*)?")).findFirst().orElse(null);
    }
    Row single = f.requests.named("Single Article by slug");
    long notFound = slugRows.stream().filter(r -> r.symptom() == Symptom.NOT_FOUND).count();
    boolean allGone = single != null && single.symptom() == Symptom.NOT_FOUND && notFound >= 3;
    boolean slugServed = f.requests.answered2xx("Single Article by slug");
    List<Row> slugRejected = slugServed ? List.of() : slugRows.stream()
        .filter(r -> r.symptom() == Symptom.CLIENT_ERROR && "GET".equals(r.entry().method())).toList();
    if (line == null && !allGone && slugRejected.isEmpty()) {
      return null;
    }
    Evidence ev = new Evidence().add("Create Article succeeded but later requests cannot use its slug");
    ev.add(line == null ? null : "log: " + line);
    if (line == null && !allGone) {
      ev.add("a GET whose only input is the slug was rejected as invalid (400/422)");
      return Verdict.logic(STATE, 0.6, ev.rows(slugRejected, 3).list());
    }
    return Verdict.logic(STATE, line != null ? 0.85 : 0.75, ev.rows(slugRows, 4).list());
  }

  /** Requests whose own path carries the slug (lists filter by author/tag instead). */
  private static boolean slugInPath(Row r) {
    return r.entry().needs(Resource.SLUG) && !r.entry().articleList();
  }

  /**
   * Create Article answered 2xx but its body lacked the slug (or the whole article), and the
   * requests that use the slug then went to /articles/null or were refused: the identifier was
   * not returned, which is a state propagation failure rather than a response-shape defect.
   */
  private static Verdict slugNotReturned(Facts f, Row producer) {
    boolean shapeElsewhere = f.requests.roots(Symptom.SHAPE).stream().anyMatch(r -> r != producer);
    if (!producer.request().success2xx() || shapeElsewhere) {
      return null; // the JSON is wrong everywhere: the missing slug is one symptom of it (response-shape)
    }
    List<Row> users = f.requests.rows().stream().filter(r -> slugInPath(r) && !r.request().success2xx()
        && (r.symptom() == Symptom.NOT_FOUND || r.symptom() == Symptom.CLIENT_ERROR)).toList();
    String line = f.log.unresolvedSlugLine();
    if (line == null && users.size() < 3) {
      return null;
    }
    Evidence ev = new Evidence().add("Create Article answered " + producer.request().status()
        + " without a usable slug, and the requests that need it fail");
    ev.add(line == null ? null : "log: " + line);
    return Verdict.logic(STATE, line != null ? 0.8 : 0.65, ev.rows(List.of(producer), 1).rows(users, 3).list());
  }

  /**
   * state-error: requests crash and the log shows a request handling an identifier that never
   * arrived ({@code int('null')}) or a dependent row that was never created (Django's
   * {@code RelatedObjectDoesNotExist}: a user without its profile).
   */
  static Verdict stateError(Facts f) {
    LogFacts.Hit h = f.log.last(Kind.STATE);
    List<Row> rows = f.requests.roots(Symptom.SERVER_ERROR, Symptom.NO_ANSWER, Symptom.CLIENT_ERROR, Symptom.NOT_FOUND);
    if (h == null || h.setup() || rows.isEmpty() || !f.requests.anyAnswered()) {
      return null;
    }
    return Verdict.logic(STATE, 0.75, new Evidence().hit(h)
        .add("an identifier or a dependent row that an earlier request should have created is missing")
        .rows(rows, 3).list());
  }

  /**
   * write-not-persisted: a favourite / unfavourite / follow / unfollow answers 200 with the right
   * shape but the flag or counter its write should change is wrong. A favourite whose count did
   * change but whose "favorited" flag did not points at the query reading it instead.
   */
  static Verdict writeNotPersisted(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SEMANTIC);
    if (rows.isEmpty() || !f.requests.roots(Symptom.SERVER_ERROR).isEmpty()) {
      return null; // a crash elsewhere is the louder, upstream defect
    }
    Row fav = rows.stream().filter(r -> r.entry().name().equals("Favorite Article")).findFirst().orElse(null);
    Evidence ev = new Evidence();
    if (fav != null) {
      if (fav.flags().contains("count")) {
        return Verdict.logic(STATE, 0.8, ev.add("favoritesCount did not change after favouriting: the write was lost")
            .rows(rows, 3).list());
      }
      boolean listsEmpty = !f.requests.roots(Symptom.EMPTY).isEmpty();
      if (fav.flags().contains("flag") || listsEmpty) {
        return Verdict.logic(QUERY, 0.7, ev.add("the favourite is stored but 'favorited' (and the favorited filter)"
            + " do not find it: the reading query is wrong").rows(rows, 3).rows(f.requests.roots(Symptom.EMPTY), 2).list());
      }
    }
    return Verdict.logic(STATE, fav != null ? 0.6 : 0.75, ev.add("a write answered 200 but its effect is not visible")
        .rows(rows, 3).list());
  }

  /**
   * write-row: a thing the suite created, favourited or followed (2xx) does not show up later,
   * and decaybench asked the database right after the write. No row: the write was never
   * committed (state). A row: it was, and the query reading it misses it (query).
   */
  static Verdict writeRow(Facts f) {
    if (!f.requests.roots(Symptom.SERVER_ERROR).isEmpty()) {
      return null; // a crash elsewhere is the louder, upstream defect
    }
    for (WriteCheck w : f.evidence.writes()) {
      List<Row> missing = f.requests.roots().stream().filter(r -> shows(w.thing(), r)).toList();
      if (missing.isEmpty()) {
        continue;
      }
      Evidence ev = new Evidence();
      if (!w.stored()) {
        ev.add(w.request() + " answered 2xx, but right after it the database had no " + w.thing()
            + " (" + w.where() + "): the write was never committed");
        return Verdict.logic(STATE, 0.85, ev.rows(missing, 3).list());
      }
      ev.add(w.request() + " stored the " + w.thing() + " (" + w.where()
          + "), yet later requests do not find it: the reading query is wrong");
      return Verdict.logic(QUERY, 0.8, ev.rows(missing, 3).list());
    }
    return null;
  }

  /** Whether the failed request is where the thing should have shown up. */
  private static boolean shows(String thing, Row r) {
    return switch (thing) {
      case "comment" -> r.entry().group() == ConduitCollection.Group.COMMENTS && r.symptom() == Symptom.EMPTY;
      case "favourite" -> r.entry().group() == ConduitCollection.Group.FAVORITES && r.symptom() == Symptom.SEMANTIC
          || r.entry().name().startsWith("Articles Favorited by Username") && r.symptom() == Symptom.EMPTY;
      case "follow" -> r.entry().group() == ConduitCollection.Group.PROFILES && r.symptom() == Symptom.SEMANTIC;
      default -> false;
    };
  }
}
