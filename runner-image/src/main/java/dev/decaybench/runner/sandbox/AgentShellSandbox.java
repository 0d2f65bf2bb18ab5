package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the built-in LLM agent's shell commands run: the model's commands are code nobody has
 * read. Confined, they run as the trial's own unprivileged uid without capabilities, with the
 * host read-only and its private places emptied (as set-up commands, docs/security.md), only the
 * workspace writable, the internet but not the host's loopback, and an allow-listed environment without
 * the key. Unconfined only where namespaces cannot be had (inside a pod, whose containers are
 * the boundary), and then the model is told so in the trajectory.
 */
public final class AgentShellSandbox implements AutoCloseable {

  private final Path workspace;
  private final Integer uid;
  private final String bwrap;
  private final String why;
  private NetworkNamespace network;

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
    List<String> bash = List.of("bash", "-c", shellCommand);
    if (!confined()) {
      List<String> out = new ArrayList<>(List.of("setsid", "-w"));
      out.addAll(bash);
      return out;
    }
    List<String> cmd = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid",
        "--unshare-ipc", "--unshare-uts", "--hostname", "agent", "--new-session"));
    cmd.addAll(new SandboxMounts(List.of(CacheDirs.root())).writable(workspace).args());
    cmd.addAll(List.of("--ro-bind", resolvConf().toString(), "/etc/resolv.conf"));
    cmd.addAll(List.of("--chdir", workspace.toString(), "--"));
    cmd.addAll(RunAs.dropTo(uid, bash));
    // the internet (registries, docs) through slirp4netns; nothing that listens on the host
    if (network == null) {
      network = NetworkNamespace.withInternet(bwrap);
    }
    return network.enter(cmd);
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
    if (network != null) {
      network.close();
    }
  }

  /** The allow-listed environment plus {@code extra} (nothing of decaybench's own). */
  public Map<String, String> environment(Map<String, String> extra) {
    return SandboxEnvironment.of("/tmp", extra);
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
