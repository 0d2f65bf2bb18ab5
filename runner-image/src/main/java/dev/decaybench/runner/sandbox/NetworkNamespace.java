package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A network namespace held open by a pause process (like a pod's), which other processes join
 * with nsenter. Optionally given a way out to the internet through slirp4netns, with the host's
 * own loopback and addresses out of reach: how set-up commands reach package registries without
 * reaching anything that listens on the host.
 */
final class NetworkNamespace implements AutoCloseable {

  /** slirp4netns's built-in DNS forwarder, as seen from inside the namespace. */
  static final String SLIRP_DNS = "10.0.2.3";

  private final Process pause;
  private final Path path;
  private Process slirp;

  private NetworkNamespace(Process pause, Path path) {
    this.pause = pause;
    this.path = path;
  }

  /** A namespace with only a loopback device. */
  static NetworkNamespace create(String bwrap) throws IOException {
    Process pause = new ProcessBuilder(bwrap, "--die-with-parent", "--unshare-net", "--unshare-ipc",
        "--unshare-pid", "--ro-bind", "/", "/", "--", "/bin/cat").redirectErrorStream(true).start();
    try {
      return new NetworkNamespace(pause, await(pause));
    } catch (IOException | RuntimeException e) {
      Processes.stopTree(pause.toHandle(), 0);
      throw e;
    }
  }

  /** A namespace whose traffic leaves through slirp4netns, host loopback disabled. */
  static NetworkNamespace withInternet(String bwrap) throws IOException {
    NetworkNamespace ns = create(bwrap);
    try {
      String pid = ns.path.getParent().getParent().getFileName().toString();
      ns.slirp = new ProcessBuilder("slirp4netns", "--configure", "--mtu=65520",
          "--disable-host-loopback", pid, "tap0").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.currentTimeMillis() + 10_000;
      while (!Files.readString(ns.path.getParent().getParent().resolve("net/route")).contains("tap0")) {
        if (!ns.slirp.isAlive() || System.currentTimeMillis() > deadline) {
          throw new IOException("slirp4netns could not give the set-up namespace a network");
        }
        pause(5);
      }
      return ns;
    } catch (IOException | RuntimeException e) {
      ns.close();
      throw e;
    }
  }

  /** The pause process's child is the first process in the new namespace. */
  private static Path await(Process pause) throws IOException {
    String ours = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      for (ProcessHandle h : pause.descendants().toList()) {
        if (h.info().command().orElse("").endsWith("/cat")) {
          Path ns = Path.of("/proc", Long.toString(h.pid()), "ns", "net");
          if (!Files.readSymbolicLink(ns).toString().equals(ours)) {
            return ns;
          }
        }
      }
      if (!pause.isAlive()) {
        throw new SandboxUnavailableException("bubblewrap cannot create namespaces: "
            + new String(pause.getInputStream().readAllBytes()).strip());
      }
      pause(5);
    }
    throw new IOException("the trial's network namespace did not appear within 10 s");
  }

  /** {@code command} run inside this namespace. */
  List<String> enter(List<String> command) {
    if (!pause.isAlive()) {
      throw new IllegalStateException("the trial's network namespace is gone (sandbox closed)");
    }
    List<String> out = new ArrayList<>(List.of("nsenter", "--net=" + path, "--"));
    out.addAll(command);
    return out;
  }

  /** {@code /proc/PID/net} of a process in the namespace: its sockets and routes. */
  Path procNet() {
    return path.getParent().getParent().resolve("net");
  }

  @Override
  public void close() {
    if (slirp != null) {
      Processes.stopTree(slirp.toHandle(), 0);
    }
    Processes.stopTree(pause.toHandle(), 0);
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
