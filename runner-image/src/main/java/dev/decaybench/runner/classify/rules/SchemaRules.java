package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.SCHEMA_FORMAT_ERROR;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** The JSON going in or out does not have the contract's shape. */
final class SchemaRules {

  /** At least half of a response's checks failed: the wrapper or most of the object is missing. */
  static boolean wrapperLevel(Row r) {
    int checks = r.entry().known() ? r.entry().checks() : r.request().totalChecks();
    return checks > 0 && r.request().failedChecks() * 2 >= checks;
  }

  /** Requests whose body carries the contract's envelope for a new resource or a login. */
  private static final java.util.Set<String> CREATES = java.util.Set.of("Register", "Login", "Login and Remember Token",
      "Create Article", "Create Comment for Article", "Register Celeb");

  private SchemaRules() {}

  /**
   * request-schema-rejected: valid bodies of several write requests rejected with 400/422 (the
   * later ones count too when they fail the same way after the first).
   */
  static Verdict requestRejected(Facts f) {
    List<Row> rows = f.requests.rows().stream()
        .filter(r -> r.symptom() == Symptom.CLIENT_ERROR && r.entry().sendsBody()).toList();
    if (rows.size() < 2 || rows.stream().allMatch(Row::cascade)) {
      return null;
    }
    if (rows.stream().noneMatch(r -> CREATES.contains(r.entry().name()))) {
      return null; // only updates refused: a validation rule (client-error), not another request shape
    }
    return Verdict.of(SCHEMA_FORMAT_ERROR, 0.75, new Evidence()
        .add("valid request bodies of " + rows.size() + " write requests rejected (400/422): the expected request"
            + " shape differs from the contract")
        .hit(f.log.first(Kind.SCHEMA)).rows(rows, 4).list());
  }

  /**
   * The same number of checks failing on at least three responses: one property missing or
   * mistyped everywhere it appears (a serializer defect), unlike a few different wrong values.
   */
  private static boolean systematic(List<Row> rows) {
    return rows.stream().collect(Collectors.groupingBy(r -> r.request().failedChecks(),
        Collectors.counting())).values().stream().anyMatch(n -> n >= 3);
  }

  /** response-shape: 2xx answers with missing properties, a missing wrapper or wrong types. */
  static Verdict responseShape(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SHAPE);
    LogFacts.Hit validation = f.log.first(Kind.SCHEMA);
    List<Row> crashed = f.requests.roots(Symptom.SERVER_ERROR);
    boolean broad = rows.stream().anyMatch(SchemaRules::wrapperLevel) || systematic(rows);
    if ((rows.isEmpty() || !broad) && (validation == null || crashed.isEmpty())) {
      return null; // one or two stray properties: left to the logic rules
    }
    Evidence ev = new Evidence();
    if (!rows.isEmpty()) {
      ev.add(rows.size() + " request(s) answered 2xx with properties missing or misnamed");
      ev.rows(rows, 4);
    }
    ev.hit(validation).rows(crashed, 2);
    return Verdict.of(SCHEMA_FORMAT_ERROR, rows.size() >= 2 ? 0.85 : 0.75, ev.list());
  }
}
