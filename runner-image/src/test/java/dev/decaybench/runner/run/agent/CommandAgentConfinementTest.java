package dev.decaybench.runner.run.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.runner.sandbox.SandboxFactory;
import dev.decaybench.runner.task.TaskDefinition;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile {@code command} agent, run as decaybench runs one (as root, where the sandbox can be
 * built): it reaches its model endpoint on this host's loopback and nothing else there, sees
 * none of the host's temporary files, writes nothing outside its workspace and gets only an
 * allow-listed environment.
 */
class CommandAgentConfinementTest {

  private static final Set<String> ALLOWED_ENV = Set.of("PATH", "HOME", "TMPDIR", "LANG", "PWD",
      "SHLVL", "_", "OPENAI_API_KEY");

  @TempDir
  Path tmp;
  private ServerSocket endpoint;
  private ServerSocket otherService;
  private final AtomicInteger endpointConnections = new AtomicInteger();
  private final AtomicInteger otherConnections = new AtomicInteger();

  @BeforeEach
  void listenOnTheHostsLoopback() throws Exception {
    endpoint = listen(endpointConnections);
    otherService = listen(otherConnections);
  }

  @AfterEach
  void close() throws Exception {
    endpoint.close();
    otherService.close();
  }

  @Test
  void aCommandAgentReachesItsEndpointAndNothingElseOfTheHost() throws Exception {
    assertThat(SandboxFactory.namespacesProblem()).as("the sandbox can be built here").isNull();
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "host secret");
    Path project = Path.of("").toAbsolutePath().resolve("target/agent-was-here");
    String script = String.join("\n",
        "id -u > report.uid",
        "env | cut -d= -f1 | sort > report.env",
        "cat " + secret + " > report.secret 2>&1 || echo unreadable >> report.secret",
        "touch " + project + " 2>/dev/null && echo written > report.project"
            + " || echo refused > report.project",
        "(exec 3<>/dev/tcp/127.0.0.1/" + endpoint.getLocalPort() + ") 2>/dev/null"
            + " && echo reached > report.endpoint || echo unreachable > report.endpoint",
        "(exec 3<>/dev/tcp/127.0.0.1/" + otherService.getLocalPort() + ") 2>/dev/null"
            + " && echo reached > report.other || echo unreachable > report.other",
        "[ -n \"$DECAYBENCH_API_KEY\" ] && echo present > report.key");
    Path workspace = Files.createDirectories(tmp.resolve("workspace"));
    Path trialDir = Files.createDirectories(tmp.resolve("trial"));
    Path prompt = Files.writeString(trialDir.resolve("prompt.md"), "Build a tiny thing.");
    AgentSpec spec = new AgentSpec(AgentType.COMMAND);
    spec.setCommand(List.of("bash", "-c", script));
    spec.setEndpoint("http://127.0.0.1:" + endpoint.getLocalPort() + "/v1");
    TaskDefinition task = new TaskDefinition("tiny", "test", "flask", List.of(), 0, null, null,
        null, null, null, "Build a tiny thing.");
    Files.deleteIfExists(project);

    AgentOutcome outcome = new CommandAgent().solve(new AgentContext("tiny__r1", task, 1,
        workspace, prompt, trialDir.resolve("trajectory.txt"), spec));

    assertThat(outcome.finished()).as(Files.readString(trialDir.resolve("trajectory.txt"))).isTrue();
    assertThat(Integer.parseInt(read(workspace, "report.uid"))).isGreaterThan(1_000_000);
    assertThat(read(workspace, "report.endpoint")).isEqualTo("reached");
    assertThat(read(workspace, "report.other")).isEqualTo("unreachable");
    assertThat(otherConnections.get()).isZero();
    assertThat(read(workspace, "report.secret")).doesNotContain("host secret");
    assertThat(read(workspace, "report.project")).isEqualTo("refused");
    assertThat(project).doesNotExist();
    Set<String> names = Arrays.stream(read(workspace, "report.env").split("\n"))
        .filter(n -> !n.startsWith("DECAYBENCH_") && !n.startsWith("npm_config_"))
        .collect(Collectors.toSet());
    assertThat(ALLOWED_ENV).containsAll(names);
    assertThat(Files.readString(trialDir.resolve("trajectory.txt")))
        .contains("shell commands run as uid");
  }

  private static String read(Path workspace, String name) throws Exception {
    return Files.readString(workspace.resolve(name)).strip();
  }

  private static ServerSocket listen(AtomicInteger connections) throws Exception {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
        } catch (Exception e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    return server;
  }
}
