package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.Taxonomy.SCHEMA_FORMAT_ERROR;

import dev.decaybench.runner.classify.LogSignature.Kind;
import dev.decaybench.runner.classify.RequestFacts.Row;
import dev.decaybench.runner.classify.RequestFacts.Symptom;
import java.util.List;

/** The JSON going in or out does not have the contract's shape. */
final class SchemaRules {

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
    return Verdict.of(SCHEMA_FORMAT_ERROR, 0.75, new Evidence()
        .add("valid request bodies of " + rows.size() + " write requests rejected (400/422): the expected request"
            + " shape differs from the contract")
        .hit(f.log.first(Kind.SCHEMA)).rows(rows, 4).list());
  }

  /** response-shape: 2xx answers with missing properties, a missing wrapper or wrong types. */
  static Verdict responseShape(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.SHAPE);
    LogFacts.Hit validation = f.log.first(Kind.SCHEMA);
    List<Row> crashed = f.requests.roots(Symptom.SERVER_ERROR);
    if (rows.isEmpty() && (validation == null || crashed.isEmpty())) {
      return null;
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
