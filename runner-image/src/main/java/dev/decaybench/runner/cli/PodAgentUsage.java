package dev.decaybench.runner.cli;

import dev.decaybench.model.result.TrialUsage;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.report.TrialUsages;
import dev.decaybench.runner.run.agent.AgentUsage;
import dev.decaybench.runner.run.agent.UsageFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the agent of a trial pod spent, for the evaluate container's compact result: the
 * {@code agent} container's agent.json (built-in and command agents), else the usage file an agent
 * image wrote ({@code DECAYBENCH_USAGE_FILE}, the command agents' contract). Wall times are not
 * taken from here: the operator reads them from the containers' states.
 */
final class PodAgentUsage {

  private PodAgentUsage() {}

  /** Null when neither file exists or says anything; a broken file is no usage, not a failed trial. */
  static TrialUsage read(Path agentOutcome, Path usageFile) {
    TrialUsage fromOutcome = null;
    try {
      if (agentOutcome != null && Files.isRegularFile(agentOutcome)) {
        fromOutcome = TrialUsages.ofAgentOutcome(Json.mapper().readTree(agentOutcome.toFile()));
      }
      TrialUsage u = fromOutcome == null ? null : TrialUsage.orNull(fromOutcome.withTimes(null, null));
      if (u == null && usageFile != null) {
        AgentUsage a = UsageFile.read(usageFile);
        u = a == null ? null : TrialUsage.orNull(new TrialUsage(a.promptTokens(), a.completionTokens(),
            a.llmCalls(), null, a.toolCalls(), null, null, null));
      }
      return u;
    } catch (IOException | RuntimeException e) {
      System.err.println("decaybench: the agent's usage is not readable, reported as unknown: " + e.getMessage());
      return null;
    }
  }
}
