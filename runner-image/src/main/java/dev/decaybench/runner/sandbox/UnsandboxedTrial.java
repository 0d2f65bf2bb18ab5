package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * No isolation: {@code none}, chosen explicitly and said loudly, with free ports so that trials
 * do not clash. The environment is still built from the allow-list.
 */
final class UnsandboxedTrial implements TrialSandbox {

  private final String mode;
  private final TrialScratch scratch;
  private final int appPort;
  private final int postgresPort;
  private final List<Process> started = new CopyOnWriteArrayList<>();

  private UnsandboxedTrial(String mode, TrialScratch scratch, int appPort, int postgresPort) {
    this.mode = mode;
    this.scratch = scratch;
    this.appPort = appPort;
    this.postgresPort = postgresPort;
  }

  static UnsandboxedTrial none(TrialScratch scratch) throws IOException {
    return new UnsandboxedTrial("none", scratch, freePort(), freePort());
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public String note() {
    return "NO ISOLATION (--sandbox none): the app runs with this user's rights on this host";
  }

  @Override
  public int appPort() {
    return appPort;
  }

  @Override
  public String postgresHost() {
    return "127.0.0.1";
  }

  @Override
  public int postgresPort() {
    return postgresPort;
  }

  @Override
  public Processes.Completed setup(String command, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    return Processes.runWithEnvironment(List.of("bash", "-c", command), env, scratch.workspace(), timeoutSeconds);
  }

  @Override
  public EphemeralPostgres.Launcher postgresLauncher() {
    return command -> track(new ProcessBuilder(RunAs.unprivileged(command)).redirectErrorStream(true).start());
  }

  @Override
  public List<String> postgresSettings() {
    return List.of();
  }

  @Override
  public String postgresScorerAddress() {
    return "127.0.0.1:" + postgresPort;
  }

  @Override
  public Process startApp(String runCommand, Map<String, String> env) throws IOException {
    // its own session, so that a terminal's signals reach decaybench, not the app
    List<String> cmd = new ArrayList<>(List.of("setsid", "bash", "-c", runCommand));
    return track(SandboxEnvironment.apply(new ProcessBuilder(cmd), env)
        .directory(scratch.workspace().toFile()).redirectErrorStream(true).start());
  }

  @Override
  public String appAddress() {
    return "127.0.0.1:" + appPort;
  }

  @Override
  public String limits() {
    return null;
  }

  @Override
  public List<String> limitsHit() {
    return List.of();
  }

  private Process track(Process p) {
    started.add(p);
    return p;
  }

  @Override
  public void close() {
    started.forEach(p -> Processes.stopTree(p.toHandle(), 0));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
