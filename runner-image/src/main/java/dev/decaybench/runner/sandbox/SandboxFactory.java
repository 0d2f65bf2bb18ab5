package dev.decaybench.runner.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Picks the sandbox: bubblewrap namespaces when they work here, else free ports (and says why).
 * {@code pod} means we already are inside a pod, which is isolation enough.
 */
public final class SandboxFactory {

  private SandboxFactory() {}

  public static Sandbox choose(String requested) {
    switch (requested) {
      case "pod":
        return new InProcessSandbox("pod", "running inside a pod: the pod is the sandbox", false);
      case "ports":
        return new InProcessSandbox("ports", "namespaces disabled by --sandbox ports", true);
      case "namespaces":
      case "auto":
        String bwrap = findBwrap();
        String problem = bwrap == null ? "bubblewrap (bwrap) is not installed" : probe(bwrap);
        if (problem == null) {
          return new NamespaceSandbox(bwrap);
        }
        if (requested.equals("namespaces")) {
          throw new IllegalStateException("--sandbox namespaces is not available here: " + problem);
        }
        return new InProcessSandbox("ports", "namespaces unavailable (" + problem
            + "): free ports with DB_HOST/DB_PORT/DATABASE_URL/PORT instead", true);
      default:
        throw new IllegalArgumentException("unknown sandbox " + requested
            + " (auto, namespaces, ports, pod)");
    }
  }

  private static String findBwrap() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir, "bwrap");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /** Null when a namespaced no-op runs, else what went wrong. */
  private static String probe(String bwrap) {
    List<String> cmd = new ArrayList<>(NamespaceSandbox.wrapper(bwrap, null, null));
    cmd.add("true");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "bwrap probe timed out";
      }
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.exitValue() == 0 ? null : "bwrap cannot create namespaces: " + out;
    } catch (Exception e) {
      return "bwrap probe failed: " + e.getMessage();
    }
  }
}
