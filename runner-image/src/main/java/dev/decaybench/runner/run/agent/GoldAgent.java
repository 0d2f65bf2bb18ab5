package dev.decaybench.runner.run.agent;

import dev.decaybench.runner.run.workspace.TrialWorkspace;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The control agent of feature tasks: applies the reverse of the task's removal patch, which puts
 * the upstream repository back as it was. Like SWE-bench's gold patch, a gold run checks the
 * harness on each feature task: whatever it does not score is the task's (or the upstream
 * repository's) doing, not an agent's.
 */
public final class GoldAgent implements Agent {

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException {
    if (ctx.task().repo() == null) {
      String note = "the gold agent needs a feature task (a repository and its removal patch); "
          + ctx.task().name() + " is a greenfield task: use the reference agent";
      Files.writeString(ctx.trajectoryFile(), "gold: " + note + "\n");
      return AgentOutcome.gaveUp(note);
    }
    String patch = TrialWorkspace.removalPatch(ctx.task()).toString();
    Processes.Completed applied = Processes.run(List.of("git", "apply", "-R", "--whitespace=nowarn", patch),
        ctx.workspace(), null, 120);
    Files.writeString(ctx.trajectoryFile(), "gold: reverse of removal patch " + patch + "\n" + applied.output());
    return applied.exitCode() == 0 ? AgentOutcome.done("applied the reverse of the removal patch")
        : new AgentOutcome(applied.exitCode(), null, false, "the removal patch does not reverse: "
            + applied.output().strip());
  }
}
