package dev.decaybench.runner.classify.rules;

import static dev.decaybench.runner.classify.model.Taxonomy.FRAMEWORK;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.facts.LogFacts;
import dev.decaybench.runner.classify.facts.LogSignature.Kind;
import dev.decaybench.runner.classify.facts.RequestFacts.Row;
import dev.decaybench.runner.classify.facts.RequestFacts.Symptom;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/** Behaviour peculiar to one framework that the agent did not handle. */
final class FrameworkRules {

  private FrameworkRules() {}

  /** framework-signature: the server log names a framework-specific failure. */
  static Verdict signature(Facts f) {
    List<LogFacts.Hit> hits = f.log.all(Kind.FRAMEWORK).stream().filter(h -> !h.setup()).toList();
    List<Row> roots = f.requests.roots();
    if (hits.isEmpty() || roots.isEmpty()) {
      return null;
    }
    LogFacts.Hit h = hits.get(0);
    if (bodyParsing(h) && dataLayerDominates(f)) {
      return null; // a few bodiless requests refused, many more crashing in the data layer: data-layer-error
    }
    return Verdict.logic(FRAMEWORK, 0.85, new Evidence().hit(h)
        .add("framework: " + f.framework + " (" + h.signature().id() + ")").rows(roots, 3).list());
  }

  private static boolean bodyParsing(LogFacts.Hit h) {
    String id = h.signature().id();
    return id.equals("fastify-empty-json") || id.equals("empty-json-body") || id.equals("fastify-error")
        || id.equals("flask-json-body");
  }

  /** At least 3 crashing roots, outnumbering the bodiless requests, and a database or query error logged. */
  private static boolean dataLayerDominates(Facts f) {
    boolean logged = f.log.all(Kind.QUERY).stream().anyMatch(x -> !x.setup())
        || f.log.all(Kind.DATABASE).stream().anyMatch(x -> !x.setup());
    long crashes = f.requests.roots(Symptom.SERVER_ERROR).size();
    long bodiless = f.requests.roots().stream().filter(r -> !r.entry().sendsBody() && !"GET".equals(r.entry().method())
        && r.symptom() != Symptom.SERVER_ERROR).count();
    return logged && crashes >= 3 && crashes > bodiless;
  }

  /**
   * empty-body-rejected: only the requests that send a JSON content type without a body
   * (favourite, unfavourite, unfollow) are rejected with 400/415 while requests with bodies pass.
   */
  static Verdict emptyBodyRejected(Facts f) {
    List<Row> rejected = f.requests.roots(Symptom.CLIENT_ERROR);
    if (rejected.isEmpty()) {
      return null;
    }
    boolean bodyLessOnly = rejected.stream().allMatch(r -> r.entry().known() && !r.entry().sendsBody()
        && !"GET".equals(r.entry().method()));
    if (!bodyLessOnly) {
      return null;
    }
    return Verdict.logic(FRAMEWORK, 0.8, new Evidence()
        .add("only body-less POST/DELETE requests (JSON content type, empty body) are rejected")
        .add("framework: " + f.framework).rows(rejected, 3).list());
  }

  /** redirect-status: API paths answered with redirects (trailing-slash handling). */
  static Verdict redirects(Facts f) {
    List<Row> rows = f.requests.roots(Symptom.REDIRECT);
    if (rows.isEmpty()) {
      return null;
    }
    return Verdict.logic(FRAMEWORK, 0.8, new Evidence()
        .add("API requests answered with redirects (trailing-slash or host handling)")
        .add("framework: " + f.framework).rows(rows, 3).list());
  }
}
