package dev.decaybench.runner.run.agent;

import dev.decaybench.runner.task.Frameworks;
import dev.decaybench.runner.task.TaskDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control agent: writes decaybench's reference implementation for the task (Flask +
 * SQLAlchemy for Python frameworks, Express + Sequelize for Node ones; SQLite variants of the
 * Python app), so a run of it proves the harness. It does not imitate the framework a task
 * names: it is a control, not a contestant.
 */
public final class ReferenceAgent implements Agent {

  @Override
  public AgentOutcome solve(AgentContext ctx) throws IOException {
    TaskDefinition t = ctx.task();
    boolean node = Frameworks.known(t.framework()) ? Frameworks.byId(t.framework()).node()
        : t.framework().equals("node");
    boolean sqlite = t.constraints().contains("sqlite");
    if (node && sqlite) {
      Files.writeString(ctx.trajectoryFile(), "reference agent: no SQLite solution for Node tasks "
          + "(it would need a native sqlite3 build); left the workspace empty\n");
      return AgentOutcome.gaveUp("the reference agent has no SQLite solution for Node tasks");
    }
    Solutions.reference(node ? Solutions.EXPRESS : Solutions.FLASK, ctx.workspace());
    if (sqlite) {
      Solutions.overlay(overlayDir("flask-sqlite", ctx.workspace()), ctx.workspace());
    }
    Files.writeString(ctx.trajectoryFile(), "reference agent: wrote the "
        + (node ? Solutions.EXPRESS : Solutions.FLASK) + (sqlite ? " app (SQLite variant)" : " app") + "\n");
    return AgentOutcome.done(null);
  }

  /** Overlays ship as resources; unpack one next to the workspace. */
  private static Path overlayDir(String name, Path workspace) throws IOException {
    Path dir = Files.createTempDirectory(workspace.getParent(), "overlay-");
    dev.decaybench.runner.util.ResourceTree.copy("reference-apps/overlays/" + name, dir);
    return dir;
  }
}
