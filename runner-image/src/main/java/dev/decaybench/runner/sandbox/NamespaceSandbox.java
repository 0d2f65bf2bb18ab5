package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.util.Background;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A trial in namespaces, like a pod: a network namespace held by a pause process, shared by
 * PostgreSQL (host {@code postgres}:5432) and the app (on the task's port); each runs in its own
 * PID and mount namespace, as its own unprivileged uid with no capabilities, sees the host
 * read-only with its private places emptied, and writes only its own directories. The scorer
 * stays in the host's namespaces and reaches both through unix sockets in a directory no trial
 * process can see. Everything is in the trial's control group, with the trial's limits.
 */
public final class NamespaceSandbox implements TrialSandbox {

  private static final String HOSTS = "127.0.0.1\tlocalhost postgres trial\n::1\tlocalhost\n";
  private static final String APP_SOCKET = "app.sock";
  private static final String PG_SOCKET = ".s.PGSQL.5432";

  private final String bwrap;
  private final TrialScratch scratch;
  private final int appPort;
  private final int uid;
  private final List<Path> hidden;
  private final TrialLimits limits;
  private final TrialCgroup cgroup;
  private final NetworkNamespace network;
  private Background<NetworkNamespace> setupNetwork;
  // the threads that started the namespaces' processes stay until then (--die-with-parent)
  private final CompletableFuture<Void> closed;
  private final Background<Integer> handedOver;
  private final List<Process> started = new CopyOnWriteArrayList<>();
  private final List<UnixSocketRelay> relays = new CopyOnWriteArrayList<>();

  private NamespaceSandbox(String bwrap, TrialScratch scratch, int appPort, int uid,
      List<Path> hidden, TrialLimits limits, TrialCgroup cgroup, NetworkNamespace network,
      Background<NetworkNamespace> setupNetwork, Background<Integer> handedOver,
      CompletableFuture<Void> closed) {
    this.bwrap = bwrap;
    this.scratch = scratch;
    this.appPort = appPort;
    this.uid = uid;
    this.hidden = hidden;
    this.limits = limits;
    this.cgroup = cgroup;
    this.network = network;
    this.setupNetwork = setupNetwork;
    this.handedOver = handedOver;
    this.closed = closed;
  }

  /**
   * Creates the trial's network namespace, the set-up commands' one (with a way out) and hands the
   * workspace to the trial's uid, all at once: each waits on the kernel. Open as soon as the
   * trial's namespace is, so PostgreSQL can start; set-up and the app wait for the rest.
   */
  static NamespaceSandbox open(String bwrap, TrialScratch scratch, int taskPort, TrialLimits limits,
      List<Path> hidden) throws IOException {
    int uid = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Background<NetworkNamespace> network = Background.start("trial-network",
        () -> NetworkNamespace.create(bwrap), closed);
    Background<NetworkNamespace> setupNetwork = Background.start("setup-network",
        () -> NetworkNamespace.withInternet(bwrap), closed);
    Background<Integer> handedOver = Background.start("workspace-owner", () -> {
      scratch.handTo(uid);
      return uid;
    });
    TrialCgroup cgroup = null;
    try {
      Files.writeString(scratch.hostsFile(), HOSTS);
      Files.writeString(scratch.resolvConf(), "nameserver " + NetworkNamespace.SLIRP_DNS + "\n");
      cgroup = TrialCgroup.create(scratch.root(), limits);
      return new NamespaceSandbox(bwrap, scratch, taskPort, uid, hidden, limits, cgroup,
          network.join(), setupNetwork, handedOver, closed);
    } catch (IOException | RuntimeException e) {
      joinQuietly(handedOver);
      closeQuietly(network);
      closeQuietly(setupNetwork);
      closed.complete(null);
      if (cgroup != null) {
        cgroup.close();
      }
      throw e;
    }
  }

  @Override
  public String mode() {
    return "namespaces";
  }

  @Override
  public String note() {
    return "own network, PID, IPC and mount namespaces; uid " + uid + " without capabilities;"
        + " host read-only, only the workspace writable; scorer outside"
        + (cgroup == null ? "; no writable cgroup file system: limits not enforced" : "");
  }

  @Override
  public int appPort() {
    return appPort;
  }

  @Override
  public String postgresHost() {
    return "postgres";
  }

  @Override
  public int postgresPort() {
    return 5432;
  }

  @Override
  public Processes.Completed setup(String command, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    // registries through slirp4netns; neither the host's loopback nor its files, processes or privileges
    if (setupNetwork == null) {
      throw new IllegalStateException("set-up commands run before the app starts, not after");
    }
    handedOver.join();
    List<String> cmd = untrusted(setupNetwork.join(), List.of("bash", "-c", command));
    return Processes.runWithEnvironment(cmd, env, scratch.workspace(), timeoutSeconds);
  }

  @Override
  public Process startApp(String runCommand, Map<String, String> env) throws IOException {
    // set-up is over: its way out goes now, and its kernel teardown overlaps the app's run
    closeQuietly(setupNetwork);
    setupNetwork = null;
    handedOver.join();
    // in a PID namespace of its own, so that its per-connection children are reaped when it stops
    List<String> forward = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid"));
    forward.addAll(new SandboxMounts(hidden).writable(scratch.sockets()).args());
    forward.add("--");
    forward.addAll(RunAs.dropTo(RunAs.NOBODY, List.of("socat",
        "UNIX-LISTEN:" + scratch.sockets().resolve(APP_SOCKET) + ",fork,unlink-early",
        "TCP:127.0.0.1:" + appPort)));
    Process forwarder = track(new ProcessBuilder(network.enter(forward)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    forwarder.getOutputStream().close();
    List<String> cmd = untrusted(network, List.of("bash", "-c", runCommand));
    return track(SandboxEnvironment.apply(new ProcessBuilder(cmd), env).directory(scratch.workspace().toFile())
        .redirectErrorStream(true).start());
  }

  @Override
  public String appAddress() throws IOException {
    return relay(APP_SOCKET);
  }

  /**
   * Read from the trial's network namespace (/proc/PID/net/tcp of its pause process): a socket
   * in LISTEN state on the app's port, on any address socat's 127.0.0.1 reaches.
   */
  @Override
  public boolean appListening() {
    return LoopbackListeners.listening(network.procNet(), appPort);
  }

  @Override
  public EphemeralPostgres.Launcher postgresLauncher() {
    return command -> {
      Path pgHome = Path.of(command.get(0)).getParent().getParent();
      List<String> inner = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid",
          "--unshare-ipc", "--new-session"));
      inner.addAll(new SandboxMounts(hidden).readOnly(pgHome).writable(scratch.pgData())
          .writable(scratch.sockets()).args());
      inner.add("--");
      inner.addAll(RunAs.dropTo(RunAs.NOBODY, command));
      return track(SandboxEnvironment.apply(new ProcessBuilder(inCgroup(network.enter(inner))),
          Map.of("PATH", SandboxEnvironment.PATH, "LANG", "C.UTF-8")).redirectErrorStream(true).start());
    };
  }

  @Override
  public List<String> postgresSettings() {
    return List.of("unix_socket_directories=" + scratch.sockets());
  }

  @Override
  public String postgresScorerAddress() throws IOException {
    return relay(PG_SOCKET);
  }

  @Override
  public String limits() {
    return cgroup == null ? null : limits.describe();
  }

  @Override
  public List<String> limitsHit() {
    return cgroup == null ? List.of() : cgroup.limitsHit();
  }

  /**
   * A command for code the trial brought: own PID, IPC and UTS namespaces, a new session, the
   * mount view of {@link SandboxMounts}, then the trial's uid without capabilities.
   */
  private List<String> untrusted(NetworkNamespace net, List<String> command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid",
        "--unshare-ipc", "--unshare-uts", "--hostname", "trial", "--new-session"));
    SandboxMounts mounts = new SandboxMounts(hidden).writable(scratch.workspace()).writable(scratch.home());
    if (net == network) {
      mounts.file(scratch.hostsFile(), "/etc/hosts");
    } else {
      mounts.file(scratch.resolvConf(), "/etc/resolv.conf");
    }
    cmd.addAll(mounts.args());
    cmd.addAll(List.of("--chdir", scratch.workspace().toString(), "--"));
    List<String> limited = new ArrayList<>(List.of("prlimit", "--fsize=" + limits.fileSizeBytes(),
        "--core=0", "--"));
    limited.addAll(command);
    cmd.addAll(RunAs.dropTo(uid, limited));
    return inCgroup(net.enter(cmd));
  }

  private List<String> inCgroup(List<String> command) {
    return cgroup == null ? command : cgroup.enter(command);
  }

  private Process track(Process p) {
    started.add(p);
    return p;
  }

  private String relay(String socketName) throws IOException {
    UnixSocketRelay relay = UnixSocketRelay.open(scratch.sockets().resolve(socketName), socketName);
    relays.add(relay);
    return "127.0.0.1:" + relay.port();
  }

  /** Waits for work that must not outlive the sandbox; what it threw is no matter here. */
  private static void joinQuietly(Background<?> work) {
    try {
      work.join();
    } catch (IOException | RuntimeException e) {
      // failed: nothing left running
    }
  }

  /** Closes a namespace once it is created; one that could not be leaves nothing to close. */
  private static void closeQuietly(Background<NetworkNamespace> namespace) {
    if (namespace == null) {
      return;
    }
    try {
      namespace.join().close();
    } catch (IOException | RuntimeException e) {
      // never created
    }
  }

  @Override
  public void close() {
    relays.forEach(UnixSocketRelay::close);
    for (Process p : started) {
      Processes.stopTree(p.toHandle(), 0);
    }
    network.close();
    closeQuietly(setupNetwork);
    joinQuietly(handedOver);
    closed.complete(null);
    if (cgroup != null) {
      cgroup.close();
    }
  }
}
