package dev.decaybench.runner.classify.judge;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.facts.Facts;
import dev.decaybench.runner.classify.input.TrialEvidence;

/** Renders one trial's evidence as the judge's user message: compact, tails only. */
public final class JudgeInput {

  private static final int LOG_CHARS = 6_000;
  private static final int TRAJECTORY_CHARS = 10_000;
  private static final int MAX_REQUESTS = 40;

  private JudgeInput() {}

  public static String render(TrialEvidence e, FailureClass proposal) {
    StringBuilder sb = new StringBuilder();
    sb.append("## Task\n").append(e.task() == null ? "unknown" : e.task())
        .append(" (framework: ").append(Facts.framework(e)).append(")\n\n");
    sb.append("## Rule-based proposal\n").append(proposal.coarse())
        .append(proposal.subcategory() == null ? "" : " / " + proposal.subcategory())
        .append(" (rule ").append(proposal.rule()).append(", confidence ").append(proposal.confidence()).append(")\n");
    proposal.evidence().forEach(l -> sb.append("- ").append(l).append('\n'));
    sb.append("\n## Failed requests\n");
    if (Boolean.FALSE.equals(e.suiteRan())) {
      sb.append("No test report: the server likely never started.\n");
    } else if (e.failedRequests().isEmpty()) {
      sb.append("All assertions passed.\n");
    }
    e.failedRequests().stream().limit(MAX_REQUESTS).forEach(r -> sb.append(r.summaryLine()).append('\n'));
    sb.append("\n## Verifiers\n");
    if (e.verifiers().isEmpty()) {
      sb.append("none reported\n");
    }
    e.verifiers().forEach(v -> sb.append(v.describe()).append('\n'));
    if (!e.writes().isEmpty()) {
      // decaybench's own evidence: whether each write of the suite reached the database
      sb.append("\n## Database right after the suite's writes\n");
      e.writes().forEach(w -> sb.append(w.request()).append(": ").append(w.thing())
          .append(w.stored() ? " stored (" : " NOT stored (").append(w.where()).append(")\n"));
    }
    if (e.agentStatus() != null) {
      sb.append("\n## Agent exit status\n").append(e.agentStatus()).append('\n');
    }
    sb.append("\n## Server log (end)\n```\n").append(tail(e.serverLog(), LOG_CHARS)).append("\n```\n");
    if (!e.setupLog().isBlank()) {
      sb.append("\n## Setup log (end)\n```\n").append(tail(e.setupLog(), LOG_CHARS / 3)).append("\n```\n");
    }
    sb.append("\n## Agent trajectory (end)\n").append(e.trajectory().isBlank() ? "not available"
        : tail(e.trajectory(), TRAJECTORY_CHARS)).append('\n');
    return sb.toString();
  }

  private static String tail(String s, int max) {
    return s.length() <= max ? s : "[... cut ...]\n" + s.substring(s.length() - max);
  }
}
