package dev.decaybench.runner.classify;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.SandboxInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.input.SampleReader;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.judge.JudgeClient;
import dev.decaybench.runner.classify.model.Rule;
import dev.decaybench.runner.classify.model.Taxonomy;
import dev.decaybench.runner.classify.model.Verdict;
import dev.decaybench.runner.classify.rules.RuleOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what went wrong in a failed trial, in the paper's taxonomy, with the evidence that decided
 * it. Deterministic: an ordered list of rules ({@link RuleOrder}), the first that applies wins
 * (upstream causes come first: the harness, the agent's run, start-up, then the requests' root
 * failures). Optionally a judge (any OpenAI-compatible chat endpoint) is asked when the rules
 * are unsure; any judge problem keeps the rules' answer.
 */
public final class FailureClassifier {

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
    return classified(result, TrialEvidence.fromResult(result, serverLog));
  }

  /**
   * A trial that is not a success with its {@code failure}, from evidence already gathered (what
   * {@link #withFailureClass(TrialResult, String)} does once it knows the trial failed).
   */
  public static TrialResult classified(TrialResult result, TrialEvidence evidence) {
    FailureClass c = new FailureClassifier().classify(evidence);
    return result.withFailure(withLimitsHit(c, result.sandbox()));
  }

  /**
   * A trial limit that stopped a process (the OOM killer, a refused fork) explains what followed,
   * whatever class the requests point to: it comes first in the evidence, which travels with the
   * compact result into a trial's status.
   */
  private static FailureClass withLimitsHit(FailureClass c, SandboxInfo sandbox) {
    if (sandbox == null || sandbox.limitsHit() == null || sandbox.limitsHit().isEmpty()) {
      return c;
    }
    List<String> ev = new ArrayList<>(List.of("the trial's " + String.join(" and ",
        sandbox.limitsHit()) + " limit stopped a process (sandbox.limitsHit)"));
    ev.addAll(c.evidence());
    return new FailureClass(c.coarse(), c.subcategory(), c.dataLayer(), c.confidence(), c.rule(),
        List.copyOf(ev));
  }

  /** Rule ids in the order they are tried. */
  public static List<String> ruleIds() {
    return RuleOrder.RULES.stream().map(Rule::id).toList();
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
      for (Rule r : RuleOrder.RULES) {
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
      return toFailureClass("nothing-fits", RuleOrder.nothingFits(f), e);
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
