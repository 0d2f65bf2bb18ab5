package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.engine.Json;
import dev.decaybench.runner.engine.PodOutcome;
import dev.decaybench.runner.engine.TrialSpec;
import dev.decaybench.runner.util.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A trial's own network, PID, IPC and UTS namespaces through bubblewrap, like a pod: the app
 * listens on the task's port, PostgreSQL is host {@code postgres}:5432, nothing reaches the host
 * network, and everything started inside dies with the sandbox.
 */
public final class NamespaceSandbox implements Sandbox {

  private static final String HOSTS = "127.0.0.1\tlocalhost postgres trial\n::1\tlocalhost\n";

  private final String bwrap;

  public NamespaceSandbox(String bwrap) {
    this.bwrap = bwrap;
  }

  @Override
  public String mode() {
    return "namespaces";
  }

  @Override
  public String note() {
    return "bubblewrap: own network, PID and IPC namespace";
  }

  @Override
  public int postgresPort() {
    return 5432;
  }

  @Override
  public int appPort(int taskPort) {
    return taskPort;
  }

  @Override
  public String postgresHost() {
    return "postgres";
  }

  /** The wrapper options, without the command; also used to probe whether bwrap works here. */
  static List<String> wrapper(String bwrap, Path hostsFile, Path chdir) {
    List<String> cmd = new ArrayList<>(List.of(bwrap,
        "--die-with-parent", "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
        "--hostname", "trial", "--bind", "/", "/", "--dev-bind", "/dev", "/dev", "--proc", "/proc"));
    if (hostsFile != null) {
      cmd.addAll(List.of("--ro-bind", hostsFile.toString(), "/etc/hosts"));
    }
    if (chdir != null) {
      cmd.addAll(List.of("--chdir", chdir.toString()));
    }
    return cmd;
  }

  @Override
  public PodOutcome execute(TrialSpec spec, Path specFile, long timeoutMillis) throws IOException {
    Path hosts = specFile.resolveSibling("hosts");
    Files.writeString(hosts, HOSTS);
    List<String> cmd = wrapper(bwrap, hosts, Path.of(spec.workspace()));
    cmd.addAll(javaCommand());
    cmd.add("dev.decaybench.runner.engine.SandboxEntry");
    cmd.add(specFile.toString());
    Path launcherLog = specFile.resolveSibling("sandbox.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(launcherLog.toFile()).start();
    Thread killer = new Thread(() -> Processes.stopTree(p.toHandle(), 0));
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        Processes.stopTree(p.toHandle(), 0);
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IOException("trial exceeded its time limit of " + timeoutMillis / 1000 + " s");
      }
    } catch (InterruptedException e) {
      Processes.stopTree(p.toHandle(), 0);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killer);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
    Path outcome = specFile.resolveSibling("pod-outcome.json");
    if (!Files.exists(outcome)) {
      throw new IOException("the sandbox ended (exit " + p.exitValue() + ") without an outcome: "
          + tail(launcherLog));
    }
    return Json.mapper().readValue(outcome.toFile(), PodOutcome.class);
  }

  /** The same JVM and class path as ours, tuned for a short life. */
  static List<String> javaCommand() {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      cp.add(Path.of(entry).toAbsolutePath().toString());
    }
    List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:-UsePerfData", "-Xshare:auto", "-Xmx256m"));
    cmd.addAll(classDataSharing());
    cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
    return cmd;
  }

  /**
   * Class-data sharing for the sandbox JVM: the launcher names an archive prefix; the first
   * sandbox writes the archive at exit, later ones start from it (a few hundred ms saved).
   */
  private static List<String> classDataSharing() {
    String prefix = System.getProperty("decaybench.cds.prefix");
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    Path archive = Path.of(prefix + "-sandbox.jsa");
    return List.of(Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive
        : "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  private static String tail(Path file) {
    try {
      String s = Files.readString(file).strip();
      return s.length() <= 1500 ? s : "..." + s.substring(s.length() - 1500);
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
