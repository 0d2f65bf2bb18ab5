package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the built-in LLM agent's shell commands and {@code command} agents run: the model's
 * commands are code nobody has read. Confined, they run as the trial's own unprivileged uid
 * without capabilities, with the host read-only and its private places emptied (as set-up commands, docs/security.md), only the
 * workspace writable, the internet but not the host's loopback, and an allow-listed environment without
 * the key. Unconfined only where namespaces cannot be had (inside a pod, whose containers are
 * the boundary), and then the model is told so in the trajectory.
 */
public final class AgentShellSandbox implements AutoCloseable {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Path workspace;
  private final Integer uid;
  private final String bwrap;
  private final String why;
  private NetworkNamespace network;
  private EndpointRelay endpointRelay;

  private AgentShellSandbox(Path workspace, Integer uid, String bwrap, String why) {
    this.workspace = workspace;
    this.uid = uid;
    this.bwrap = bwrap;
    this.why = why;
  }

  /** Confined when this machine can (root, bubblewrap): the workspace is handed to a new uid. */
  public static AgentShellSandbox forWorkspace(Path workspace) throws IOException {
    String problem = SandboxFactory.namespacesProblem();
    if (problem != null) {
      return new AgentShellSandbox(workspace, null, null, problem);
    }
    int uid = 2_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    RunAs.handTo(uid, workspace);
    return new AgentShellSandbox(workspace, uid, SandboxFactory.bwrap(), null);
  }

  public boolean confined() {
    return uid != null;
  }

  /** One line for the trajectory: how the model's commands run. */
  public String describe() {
    return confined() ? "shell commands run as uid " + uid + " without capabilities, host read-only,"
        + " only the workspace writable" : "shell commands run unconfined (" + why + ")";
  }

  /** The command line that runs {@code shellCommand} with bash in the workspace. */
  public List<String> command(String shellCommand) throws IOException {
    return confine(List.of("bash", "-c", shellCommand), List.of(), List.of());
  }

  /**
   * The command line that runs {@code argv} in the workspace, confined when this machine can:
   * besides the workspace it sees {@code readOnly} and may write only {@code writable} (files
   * the harness made for it, e.g. the usage report).
   */
  public List<String> confine(List<String> argv, List<Path> readOnly, List<Path> writable)
      throws IOException {
    if (!confined()) {
      List<String> out = new ArrayList<>(List.of("setsid", "-w"));
      out.addAll(argv);
      return out;
    }
    SandboxMounts mounts = new SandboxMounts(List.of()).writable(workspace);
    readOnly.forEach(mounts::readOnly);
    writable.forEach(mounts::writable);
    List<String> cmd = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid",
        "--unshare-ipc", "--unshare-uts", "--hostname", "agent", "--new-session"));
    cmd.addAll(mounts.args());
    cmd.addAll(List.of("--ro-bind", resolvConf().toString(), "/etc/resolv.conf"));
    cmd.addAll(List.of("--chdir", workspace.toString(), "--"));
    cmd.addAll(RunAs.dropTo(uid, argv));
    return network().enter(cmd);
  }

  /**
   * Lets confined commands reach the model endpoint when it listens on this host's loopback
   * (a local model server), and nothing else there: the same port on the namespace's loopback
   * leads to it through a relay. Other endpoints are reached through the internet as they are.
   */
  public void allowEndpoint(String endpoint) throws IOException {
    if (!confined() || endpoint == null || endpoint.isBlank()) {
      return;
    }
    URI uri = URI.create(endpoint.strip());
    if (uri.getHost() == null || !LOOPBACK.contains(uri.getHost())) {
      return;
    }
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    endpointRelay = EndpointRelay.open(network(), port);
  }

  /** The internet (registries, docs) through slirp4netns; nothing that listens on the host. */
  private NetworkNamespace network() throws IOException {
    if (network == null) {
      network = NetworkNamespace.withInternet(bwrap);
    }
    return network;
  }

  /** slirp4netns's DNS forwarder as the resolver, in a file the agent cannot change. */
  private Path resolvConf() throws IOException {
    Path file = CacheDirs.root().resolve("slirp-resolv.conf");
    if (!Files.exists(file)) {
      Path tmp = Files.createTempFile(CacheDirs.root(), "resolv", ".tmp");
      Files.writeString(tmp, "nameserver " + NetworkNamespace.SLIRP_DNS + "\n");
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  @Override
  public void close() {
    if (endpointRelay != null) {
      endpointRelay.close();
    }
    if (network != null) {
      network.close();
    }
  }

  /** The allow-listed environment plus {@code extra} (nothing of decaybench's own). */
  public Map<String, String> environment(Map<String, String> extra) {
    return SandboxEnvironment.of("/tmp", extra);
  }

  /** A file outside the workspace that the agent may write (bound into its view) becomes its. */
  public void handOver(Path file) throws IOException {
    if (confined()) {
      RunAs.handTo(uid, file);
    }
  }

  /** A file the harness wrote for the agent (write_file) belongs to the agent's uid. */
  public void adopt(Path file) throws IOException {
    if (!confined()) {
      return;
    }
    var names = file.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal owner = names.lookupPrincipalByName(Integer.toString(uid));
    var group = names.lookupPrincipalByGroupName(Integer.toString(uid));
    for (Path p = file; p != null && p.startsWith(workspace) && !p.equals(workspace); p = p.getParent()) {
      PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      view.setOwner(owner);
      view.setGroup(group);
    }
  }
}
