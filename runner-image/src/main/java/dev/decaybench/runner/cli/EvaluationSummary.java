package dev.decaybench.runner.cli;

import dev.decaybench.model.result.StartupInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.model.result.VerifierResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code decaybench evaluate} prints: the scores first, then anything the user must act on.
 * A failed set-up command is shown with its exit code and the end of its output, because the
 * console is where a user looks, not setup.log.
 */
final class EvaluationSummary {

  private EvaluationSummary() {}

  static String of(TrialResult r, Path out) {
    StringBuilder sb = new StringBuilder();
    boolean setupOk = r.startup() == null || r.startup().setupSucceeded();
    sb.append(String.format("%s  A%% %.2f (%d/%d)  strict A%% %.2f  %s  %s%n", r.task(), r.aPct(),
        r.assertions().passed(), r.assertions().total(), r.strictAPct(),
        r.healthy() ? "healthy" : "NOT HEALTHY (" + r.startup().healthCheck() + ")",
        r.success() ? "SUCCESS" : setupOk ? "failed" : "failed: SET-UP FAILED"));
    if (!setupOk) {
      appendSetupFailures(sb, r.startup().setup(), out);
    }
    if (r.extended() != null) {
      sb.append(String.format("  extended suite %d/%d  strict A%% plus %.2f%n", r.extended().passed(),
          r.extended().total(), r.strictAPctPlus()));
    }
    if (r.failure() != null) {
      sb.append(String.format("  failure %s%s (rule %s)%n", r.failure().coarse(),
          r.failure().subcategory() == null ? "" : " / " + r.failure().subcategory(), r.failure().rule()));
      if ("setup-unreachable".equals(r.failure().rule())) {
        sb.append("  the network or a package registry was unreachable during set-up: not the app's fault;"
            + " evaluate it again\n");
      }
    }
    for (VerifierResult v : r.verifiers()) {
      sb.append(String.format("  verifier %-18s %s  %s%n", v.name(), v.passed() ? "pass" : "FAIL", v.reason()));
    }
    if (r.sandbox().limitsHit() != null && !r.sandbox().limitsHit().isEmpty()) {
      sb.append("  limits hit: ").append(String.join(", ", r.sandbox().limitsHit()))
          .append(" (a trial limit stopped a process: ").append(r.sandbox().limits()).append(")\n");
    }
    sb.append(String.format("  sandbox %s, %d ms total -> %s", r.sandbox().mode(), r.timings().total(),
        out.resolve("result.json")));
    return sb.toString();
  }

  private static void appendSetupFailures(StringBuilder sb, List<StartupInfo.CommandOutcome> setup, Path out) {
    for (StartupInfo.CommandOutcome c : setup) {
      if (!c.failed()) {
        continue;
      }
      sb.append(String.format("  set-up command failed (exit code %d%s): %s%n", c.exitCode(),
          c.exitCode() == -1 || c.exitCode() == 127 ? ", " + c.note() : "", c.command()));
      if (c.outputTail() != null && !c.outputTail().isBlank()) {
        c.outputTail().lines().forEach(l -> sb.append("    | ").append(l).append('\n'));
      }
    }
    sb.append("  full set-up output: ").append(out.resolve("setup.log")).append('\n');
  }
}
