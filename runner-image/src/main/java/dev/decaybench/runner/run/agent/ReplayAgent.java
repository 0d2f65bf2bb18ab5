package dev.decaybench.runner.run.agent;

import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates stored solutions instead of producing new ones (the paper's evaluate-only mode).
 * For trial {@code <task>__r<n>} it looks in {@code replayFrom} for, in order: a directory or
 * {@code .patch}/{@code .diff} named {@code <task>__r<n>}, then {@code <task>}, then an earlier
 * decaybench run's {@code trials/<task>__r<n>/patch.diff}. Nothing found is not skipped: the
 * trial is evaluated on an empty workspace and classified, so no result goes missing silently.
 */
public final class ReplayAgent implements Agent {

  private final Path root;

  public ReplayAgent(Path root) {
    this.root = root;
  }

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException, InterruptedException {
    for (Path candidate : candidates(ctx)) {
      if (Files.isDirectory(candidate)) {
        Solutions.materialize(candidate, ctx.workspace());
        Files.writeString(ctx.trajectoryFile(), "replay: solution directory " + candidate + "\n");
        return AgentOutcome.done("replayed " + root.relativize(candidate));
      }
      if (Files.isRegularFile(candidate)) {
        Processes.Completed applied = Processes.run(List.of("git", "apply", "--whitespace=nowarn",
            candidate.toAbsolutePath().toString()), ctx.workspace(), null, 120);
        Files.writeString(ctx.trajectoryFile(), "replay: patch " + candidate + "\n" + applied.output());
        return applied.exitCode() == 0 ? AgentOutcome.done("replayed " + root.relativize(candidate))
            : new AgentOutcome(applied.exitCode(), null, false, "stored patch does not apply: "
                + applied.output().strip());
      }
    }
    String note = "no stored solution for " + ctx.trialId() + " in " + root;
    Files.writeString(ctx.trajectoryFile(), "replay: " + note + "\n");
    return AgentOutcome.gaveUp(note);
  }

  private List<Path> candidates(AgentContext ctx) {
    List<Path> out = new ArrayList<>();
    for (String name : List.of(ctx.trialId(), ctx.task().name())) {
      out.add(root.resolve(name));
      out.add(root.resolve(name + ".patch"));
      out.add(root.resolve(name + ".diff"));
    }
    out.add(root.resolve("trials").resolve(ctx.trialId()).resolve("patch.diff"));
    return out;
  }
}
