package dev.decaybench.runner.run.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.run.workspace.TrialWorkspace;
import dev.decaybench.runner.task.TaskCatalog;
import dev.decaybench.runner.util.CacheDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's shell commands are code nobody has read: they run confined, and what they leave
 * in the workspace (its .git included) cannot make decaybench's own git run anything.
 */
class AgentShellConfinementTest {

  @TempDir
  Path tmp;

  private final String marker = "agent-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theModelsCommandsRunUnprivilegedWithoutTheKeyOrAViewOfTheHost() throws Exception {
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    // something listening on the host's loopback, which the model's commands must not reach
    try (java.net.ServerSocket hostService = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
        ShellRunner shell = new ShellRunner(workspace, "sk-test-not-a-real-key", 64 * 1024)) {
      int hostPort = hostService.getLocalPort();

      ShellRunner.Result r = shell.run("id -u; grep CapEff /proc/self/status; env;"
          + " touch /root/" + marker + " /tmp/" + marker + " " + CacheDirs.root().resolve(marker)
          + " 2>&1; ls /proc | grep -c '^[0-9]'; echo made > mine.txt; cat mine.txt;"
          + " (exec 3<>/dev/tcp/127.0.0.1/" + hostPort + ") 2>/dev/null && echo HOST-REACHED-1"
          + " || echo host-unreachable", 30);

      assertThat(shell.sandbox().confined()).isTrue();
      assertThat(r.output()).contains("host-unreachable").doesNotContain("HOST-REACHED-1");
      assertThat(r.output()).doesNotStartWith("0\n").contains("CapEff:\t0000000000000000")
          .doesNotContain("sk-test-not-a-real-key").doesNotContain("sk-secret-ref-value")
          .doesNotContain("sk-plain-name-value").contains("made");
      assertThat(Path.of("/root/" + marker)).doesNotExist();
      assertThat(Path.of("/tmp/" + marker)).doesNotExist();
      assertThat(CacheDirs.root().resolve(marker)).doesNotExist();
    }
  }

  @Test
  void aFileWrittenByTheToolCanBeChangedByTheModelsShell() throws Exception {
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    try (ShellRunner shell = new ShellRunner(workspace, null, 64 * 1024)) {
      ToolBox tools = new ToolBox(workspace, shell);

      tools.writeFile("src/app.py", "print('a')\n");
      ShellRunner.Result r = shell.run("echo \"print('b')\" >> src/app.py && mkdir -p src/more && cat src/app.py", 30);

      assertThat(r.exitCode()).isZero();
      assertThat(Files.readString(workspace.resolve("src/app.py"))).isEqualTo("print('a')\nprint('b')\n");
    }
  }

  @Test
  void aGitConfigPlantedByTheAgentRunsNothingWhenThePatchIsTaken() throws Exception {
    Path workspace = tmp.resolve("workspace");
    TrialWorkspace.prepare(TaskCatalog.byName("flask-openapi-unconstrained").orElseThrow(), workspace,
        tmp.resolve("prompt.md"));
    try (ShellRunner shell = new ShellRunner(workspace, null, 64 * 1024)) {
      Path pwned = Path.of("/tmp/" + marker);
      shell.run("echo hello > app.py; printf '[core]\\n\\tfsmonitor = \"touch " + pwned + "\"\\n"
          + "[filter \"x\"]\\n\\tclean = \"touch " + pwned + "\"\\n' >> .git/config;"
          + " echo '* filter=x' > .gitattributes", 30);

      Path patch = tmp.resolve("patch.diff");
      TrialWorkspace.writePatch(workspace, patch);

      assertThat(pwned).doesNotExist();
      assertThat(Files.readString(patch)).contains("+hello");
    }
  }
}
