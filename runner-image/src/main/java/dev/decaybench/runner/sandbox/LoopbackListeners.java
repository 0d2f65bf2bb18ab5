package dev.decaybench.runner.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether something listens on a port, read from a network namespace's own socket tables
 * ({@code /proc/<pid>/net}): "connection refused" is decided where the app runs, not by a relay.
 */
final class LoopbackListeners {

  private LoopbackListeners() {}

  /** True when a TCP socket listens on {@code port} on loopback or every address. */
  static boolean listening(Path procNet, int port) {
    String suffix = String.format(":%04X", port);
    for (String table : List.of("tcp", "tcp6")) {
      try {
        for (String line : Files.readAllLines(procNet.resolve(table))) {
          String[] f = line.strip().split("\\s+");
          if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(suffix) && reachesLoopback(f[1])) {
            return true;
          }
        }
      } catch (IOException e) {
        return true; // cannot tell: let the request decide
      }
    }
    return false;
  }

  private static boolean reachesLoopback(String localAddress) {
    String host = localAddress.substring(0, localAddress.indexOf(':'));
    return host.matches("0+") || host.equals("0100007F")
        || host.equals("0000000000000000FFFF00000100007F");
  }
}
