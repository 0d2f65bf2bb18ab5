package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * One allowed port of the host's loopback, seen on the same port of an agent namespace's
 * loopback: socat in the namespace hands each connection through a unix socket (in decaybench's
 * cache, hidden from the agent) to socat on the host, which connects to the port. Nothing else
 * that listens on the host is reachable.
 */
final class EndpointRelay implements AutoCloseable {

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();

  private EndpointRelay(Path dir) {
    this.dir = dir;
  }

  static EndpointRelay open(NetworkNamespace network, int port) throws IOException {
    Path dir = Files.createTempDirectory(CacheDirs.root(), "endpoint-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    EndpointRelay relay = new EndpointRelay(dir);
    try {
      Path socket = dir.resolve("endpoint.sock");
      relay.start(List.of("socat", "UNIX-LISTEN:" + socket + ",fork,mode=666",
          "TCP:127.0.0.1:" + port));
      long deadline = System.currentTimeMillis() + 5000;
      while (!Files.exists(socket)) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("the relay to the model endpoint on port " + port + " did not start");
        }
        NetworkNamespace.pause(20);
      }
      relay.start(network.enter(RunAs.dropTo(RunAs.NOBODY, List.of("socat",
          "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "UNIX-CONNECT:" + socket))));
      while (!LoopbackListeners.listening(network.procNet(), port)) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("the model endpoint's port " + port + " did not open in the agent's"
              + " sandbox");
        }
        NetworkNamespace.pause(20);
      }
      return relay;
    } catch (IOException | RuntimeException e) {
      relay.close();
      throw e;
    }
  }

  private void start(List<String> command) throws IOException {
    processes.add(new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
  }

  @Override
  public void close() {
    processes.forEach(p -> Processes.stopTree(p.toHandle(), 0));
    Trees.deleteQuietly(dir);
  }
}
