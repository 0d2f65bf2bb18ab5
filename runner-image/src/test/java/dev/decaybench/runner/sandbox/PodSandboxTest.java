package dev.decaybench.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.runner.util.Processes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator's side of a trial pod against a real app host (here a thread instead of the app
 * container): set-up and app run there with exactly the environment sent, their output and exit
 * codes come back, a time-out and a stop end what was started.
 */
class PodSandboxTest {

  @TempDir
  Path dir;
  private Thread host;
  private PodSandbox sandbox;
  /** The app container's cgroup as it sees it (a copy of its counter files). */
  private Path cgroup;

  @BeforeEach
  void openSandboxAgainstAnAppHost() throws Exception {
    Path control = Files.createDirectories(dir.resolve("control"));
    Path output = Files.createDirectories(dir.resolve("output"));
    AppChannel channel = new AppChannel(control, output);
    cgroup = Files.createDirectories(dir.resolve("cgroup"));
    host = new Thread(() -> {
      try {
        new AppHost(channel, false, cgroup).serve();
      } catch (Exception e) {
        // interrupted at the end of the test
      }
    }, "app-host");
    host.setDaemon(true);
    host.start();
    TrialScratch scratch = TrialScratch.create(Files.createDirectories(dir.resolve("scratch")));
    Files.createDirectories(scratch.workspace().resolve("src"));
    Files.writeString(scratch.workspace().resolve("src/app.py"), "print('hi')\n");
    sandbox = PodSandbox.open(scratch, 3000, channel);
  }

  @AfterEach
  void stopHost() {
    sandbox.close();
    host.interrupt();
  }

  @Test
  void theLimitsTheAppContainersCgroupCountedComeBackAsTheTrialsLimitsHit() throws Exception {
    assertThat(sandbox.limitsHit()).isEmpty();
    Files.writeString(cgroup.resolve("cgroup.controllers"), "cpu memory pids\n");
    Files.writeString(cgroup.resolve("memory.events"),
        "low 0\nhigh 0\nmax 14\noom 1\noom_kill 1\noom_group_kill 0\n");
    Files.writeString(cgroup.resolve("pids.events"), "max 0\n");
    assertThat(sandbox.limitsHit()).containsExactly("memory");
    Files.writeString(cgroup.resolve("pids.events"), "max 3\n");
    assertThat(sandbox.limitsHit()).containsExactly("memory", "processes");
  }

  @Test
  void setupRunsInTheWorkspaceWithExactlyTheEnvironmentSent() throws Exception {
    Processes.Completed done = sandbox.setup("pwd; env | sort; exit 3",
        Map.of("PATH", "/usr/bin:/bin", "ONLY_THIS", "yes"), 30);

    assertThat(done.exitCode()).isEqualTo(3);
    assertThat(done.output()).contains("ONLY_THIS=yes", "/scratch/workspace")
        .doesNotContain("JAVA_HOME", "MAVEN");
  }

  @Test
  void aSetupCommandThatOutlivesItsTimeoutIsStopped() throws Exception {
    long start = System.currentTimeMillis();
    Processes.Completed done = sandbox.setup("sleep 60", Map.of("PATH", "/usr/bin:/bin"), 1);

    assertThat(done.exitCode()).isEqualTo(-1);
    assertThat(System.currentTimeMillis() - start).isLessThan(20_000);
  }

  @Test
  void theAppsOutputIsFollowedAndAStopEndsIt() throws Exception {
    Process app = sandbox.startApp("echo listening on $PORT; exec sleep 120",
        Map.of("PATH", "/usr/bin:/bin", "PORT", "3000"));
    BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(),
        StandardCharsets.UTF_8));

    assertThat(out.readLine()).isEqualTo("listening on 3000");
    assertThat(app.isAlive()).isTrue();
    assertThat(app.waitFor(300, TimeUnit.MILLISECONDS)).isFalse();

    sandbox.close();
    assertThat(app.waitFor(20, TimeUnit.SECONDS)).as("the app ended after the stop").isTrue();
    assertThat(out.readLine()).as("its output ends with it").isNull();
  }

  @Test
  void anAppThatExitsReportsItsExitCode() throws Exception {
    Process app = sandbox.startApp("echo bye; exit 7", Map.of("PATH", "/usr/bin:/bin"));

    assertThat(app.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(app.exitValue()).isEqualTo(7);
    assertThat(new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("bye\n");
  }

  @Test
  void theAppContainerGetsItsOwnCopyOfTheWorkspace() throws Exception {
    Path workspace = dir.resolve("scratch/workspace");

    assertThat(workspace.resolve("src/app.py")).hasContent("print('hi')");
    assertThat(dir.resolve("scratch/workspace.input/src/app.py")).exists();
    assertThat(Files.getPosixFilePermissions(workspace))
        .contains(PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE);
    // the copy is the app container's own: it can change modes, as set-up does
    assertThat(sandbox.setup("chmod +x src/app.py", Map.of("PATH", "/usr/bin:/bin"), 30)
        .exitCode()).isZero();
  }

  @Test
  void withoutTheAppContainerThePodSandboxRefusesToOpen() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxFactory.open("pod",
        TrialScratch.create(Files.createDirectories(dir.resolve("other"))), 3000,
        TrialLimits.fromEnvironment(), java.util.List.of(), null))
        .isInstanceOf(SandboxUnavailableException.class)
        .hasMessageContaining("app container");
  }
}
