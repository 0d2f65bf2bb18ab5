package dev.decaybench.runner.classify;

import dev.decaybench.api.result.FailureClass;
import dev.decaybench.api.result.TrialResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what went wrong in a failed trial, in the paper's taxonomy, with the evidence that decided
 * it. Deterministic: an ordered list of rules, the first that applies wins (upstream causes come
 * first: the harness, the agent's run, start-up, then the requests' root failures). Optionally a
 * judge (any OpenAI-compatible chat endpoint) is asked when the rules are unsure; any judge
 * problem keeps the rules' answer.
 */
public final class FailureClassifier {

  /** The rules in the order they are tried. Ids are documented in docs/failure-taxonomy.md. */
  static final List<Rule> RULES = List.of(
      new Rule("harness-error", OutcomeRules::harnessError),
      new Rule("setup-unreachable", SetupRules::unreachable),
      new Rule("no-evidence", OutcomeRules::noEvidence),
      new Rule("agent-loop", AgentRules::loop),
      new Rule("agent-aborted", AgentRules::aborted),
      new Rule("no-run-script", AgentRules::noRunScript),
      new Rule("step-limit", AgentRules::stepLimit),
      new Rule("time-limit", AgentRules::timeLimit),
      new Rule("setup-failed", SetupRules::failed),
      new Rule("startup-no-answer", StartupRules::noAnswer),
      new Rule("stub-submitted", AgentRules::stubSubmitted),
      new Rule("verifier-only", OutcomeRules::verifierOnly),
      new Rule("nearly-passed-verifier", OutcomeRules::nearlyPassedVerifier),
      new Rule("all-passed-no-cause", OutcomeRules::allPassedNoCause),
      new Rule("not-implemented", RouteRules::notImplemented),
      new Rule("framework-signature", FrameworkRules::signature),
      new Rule("empty-body-rejected", FrameworkRules::emptyBodyRejected),
      new Rule("redirect-status", FrameworkRules::redirects),
      new Rule("data-layer-error", DataLayerRules::crash),
      new Rule("auth-unauthorized", AuthRules::unauthorized),
      new Rule("auth-token-error", AuthRules::tokenError),
      new Rule("auth-helper-not-awaited", AuthRules::helperNotAwaited),
      new Rule("state-error", StateRules::stateError),
      new Rule("filter-refused", DataLayerRules::filterRefused),
      new Rule("slug-not-propagated", StateRules::slugNotPropagated),
      new Rule("feed-shadowed", RouteRules::feedShadowed),
      new Rule("route-group-missing", RouteRules::groupMissing),
      new Rule("method-not-allowed", RouteRules::methodNotAllowed),
      new Rule("request-schema-rejected", SchemaRules::requestRejected),
      new Rule("write-row", StateRules::writeRow),
      new Rule("list-query", DataLayerRules::listQuery),
      new Rule("response-shape", SchemaRules::responseShape),
      new Rule("endpoint-404", RouteRules::endpointNotFound),
      new Rule("status-mismatch", FallbackRules::statusMismatch),
      new Rule("write-not-persisted", StateRules::writeNotPersisted),
      new Rule("filter-wrong-results", DataLayerRules::emptyResults),
      new Rule("app-exception", FallbackRules::appException),
      new Rule("client-error", FallbackRules::clientError),
      new Rule("logic-fallback", FallbackRules::anyFailure),
      new Rule("nothing-fits", FallbackRules::nothingFits));

  /** Default confidence below which the judge (if configured) is asked. */
  public static final double DEFAULT_JUDGE_THRESHOLD = 0.6;

  private final JudgeClient judge;
  private final double threshold;

  /** Rules only. */
  public FailureClassifier() {
    this(null, DEFAULT_JUDGE_THRESHOLD);
  }

  /** Rules, and the judge for answers whose confidence is below {@code threshold}. */
  public FailureClassifier(JudgeClient judge, double threshold) {
    this.judge = judge;
    this.threshold = threshold;
  }

  /**
   * What {@code decaybench evaluate} calls: a success gets only its finding under the stronger
   * verifiers (if any), else the result gets its {@code failure}. {@code serverLog} may be null
   * (the result's own log tail is used).
   */
  public static TrialResult withFailureClass(TrialResult result, String serverLog) {
    if (result == null || result.success()) {
      return StrictPlusFinding.apply(result);
    }
    return result.withFailure(new FailureClassifier().classify(TrialEvidence.fromResult(result, serverLog)));
  }

  /** Rule ids in the order they are tried. */
  public static List<String> ruleIds() {
    return RULES.stream().map(Rule::id).toList();
  }

  /** Always a class and a reason; never throws. */
  public FailureClass classify(TrialEvidence evidence) {
    FailureClass byRules = classifyByRules(evidence);
    if (judge == null || byRules.confidence() >= threshold) {
      return byRules;
    }
    JudgeClient.Outcome o = judge.judge(evidence, byRules);
    if (o.answer() != null) {
      return o.answer();
    }
    List<String> ev = new ArrayList<>(byRules.evidence());
    ev.add("judge: " + o.problem() + "; kept the rules' answer");
    return new FailureClass(byRules.coarse(), byRules.subcategory(), byRules.dataLayer(), byRules.confidence(),
        byRules.rule() + "+judge-fallback", List.copyOf(ev));
  }

  /**
   * The paper's second stage: the trial is already known to be a logic error, only the
   * subcategory is wanted. The same rules in the same order; verdicts of other classes are skipped.
   */
  public FailureClass classifyLogicError(TrialEvidence evidence) {
    return classifyByRules(evidence, true);
  }

  FailureClass classifyByRules(TrialEvidence evidence) {
    return classifyByRules(evidence, false);
  }

  private FailureClass classifyByRules(TrialEvidence evidence, boolean logicOnly) {
    TrialEvidence e = evidence != null ? evidence : SampleReader.broken("null", "no evidence given");
    try {
      Facts f = new Facts(e);
      for (Rule r : RULES) {
        Verdict v = r.apply(f);
        if (v != null && logicOnly && !Taxonomy.LOGIC_ERROR.equals(v.coarse())) {
          v = asLogicError(r.id(), v);
        }
        if (v != null) {
          return toFailureClass(r.id(), v, e);
        }
      }
      if (logicOnly) {
        return toFailureClass("logic-fallback", Verdict.logic(Taxonomy.BUSINESS, 0.2,
            List.of("known to be a logic error; no rule named a subcategory")), e);
      }
      return toFailureClass("nothing-fits", FallbackRules.nothingFits(f), e);
    } catch (RuntimeException | StackOverflowError ex) {
      return new FailureClass(Taxonomy.OTHER, null, false, 0.0, "classifier-error",
          List.of("the classifier could not read this evidence: " + ex.getClass().getSimpleName()
              + (ex.getMessage() == null ? "" : ": " + Facts.clip(ex.getMessage(), 160))));
    }
  }

  /**
   * In the second stage (the trial is known to be a logic error) a verdict of another class is
   * skipped, except where the paper's subcategory definitions name it: "incorrect HTTP method
   * handling returning 405" is a framework idiosyncrasy.
   */
  private static Verdict asLogicError(String rule, Verdict v) {
    if (rule.equals("method-not-allowed")) {
      List<String> ev = new ArrayList<>(v.evidence());
      ev.add("known to be a logic error: a method answered 405 is framework method handling");
      return Verdict.logic(Taxonomy.FRAMEWORK, 0.5, ev);
    }
    return null;
  }

  private static FailureClass toFailureClass(String rule, Verdict v, TrialEvidence e) {
    boolean logic = Taxonomy.LOGIC_ERROR.equals(v.coarse());
    String sub = logic ? v.subcategory() : null;
    List<String> ev = new ArrayList<>(v.evidence());
    if (ev.isEmpty()) {
      ev.add("rule " + rule + " applied");
    }
    for (String p : e.inputProblems()) {
      String line = "input: " + p;
      if (!ev.contains(line) && ev.size() < 10) {
        ev.add(line);
      }
    }
    return new FailureClass(v.coarse(), sub, Taxonomy.isDataLayer(sub), Math.round(v.confidence() * 100) / 100.0,
        rule, List.copyOf(ev));
  }
}
