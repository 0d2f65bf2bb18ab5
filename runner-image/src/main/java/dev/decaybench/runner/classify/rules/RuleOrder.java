package dev.decaybench.runner.classify.rules;

import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.model.Rule;
import dev.decaybench.runner.classify.model.Verdict;
import java.util.List;

/**
 * The rules {@code FailureClassifier} tries, in order: the first that applies wins (upstream
 * causes come first: the harness, the agent's run, start-up, then the requests' root failures).
 * A new rule is a method of a {@code *Rules} class and one line here.
 */
public final class RuleOrder {

  /** The rules in the order they are tried. Ids are documented in docs/failure-taxonomy.md. */
  public static final List<Rule> RULES = List.of(
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

  private RuleOrder() {}

  /** The verdict when no rule applied. */
  public static Verdict nothingFits(Facts f) {
    return FallbackRules.nothingFits(f);
  }
}
