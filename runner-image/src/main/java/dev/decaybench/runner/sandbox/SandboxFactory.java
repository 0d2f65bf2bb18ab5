package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a trial's sandbox. {@code auto} and {@code namespaces} are the same: namespaces, or a
 * clear error saying what is missing; there is no silent fall-back to no isolation.
 * {@code none} (alias {@code ports}) runs without isolation, loudly; {@code pod} means we are
 * the evaluate container of a trial pod, and set-up and the app run in its app container.
 */
public final class SandboxFactory {

  public static final List<String> MODES = List.of("auto", "namespaces", "none", "ports", "pod");
  private static volatile String problem;
  private static volatile boolean probed;

  private SandboxFactory() {}

  /**
   * @param appChannel for {@code pod}: how to reach the pod's app container (else unused)
   */
  public static TrialSandbox open(String requested, TrialScratch scratch, int taskPort,
      TrialLimits limits, List<Path> hidden, AppChannel appChannel) throws IOException {
    switch (requested) {
      case "pod":
        if (appChannel == null) {
          throw new SandboxUnavailableException("--sandbox pod needs the trial pod's app container"
              + " (--app-control and --app-output): the app never runs in the evaluator's own"
              + " container");
        }
        return PodSandbox.open(scratch, taskPort, appChannel);
      case "none":
      case "ports":
        return UnsandboxedTrial.none(scratch);
      case "auto":
      case "namespaces":
        // no trial run of bubblewrap first (a process start before every trial): the trial's own
        // namespace is that test, and says the same when it fails
        String why = toolsProblem();
        if (why != null) {
          throw unavailable(why);
        }
        try {
          return NamespaceSandbox.open(find("bwrap"), scratch, taskPort, limits, hidden);
        } catch (SandboxUnavailableException e) {
          throw unavailable(e.getMessage());
        }
      default:
        throw new IllegalArgumentException("unknown sandbox " + requested + " (" + String.join(", ", MODES) + ")");
    }
  }

  /** Null when namespaced trials work here, else what is missing. Probed once per process. */
  public static String namespacesProblem() {
    if (!probed) {
      synchronized (SandboxFactory.class) {
        if (!probed) {
          problem = probe();
          probed = true;
        }
      }
    }
    return problem;
  }

  private static SandboxUnavailableException unavailable(String why) {
    return new SandboxUnavailableException("the trial sandbox cannot be built here: " + why
        + ". Install it (apt-get install bubblewrap socat slirp4netns util-linux) and run as root, or pass"
        + " --sandbox none to run the app WITHOUT isolation");
  }

  /** Root and the tools a namespaced trial runs; null when both are there. */
  private static String toolsProblem() {
    if (!RunAs.isRoot()) {
      return "it needs root (a uid per trial, its own network namespace, cgroup limits)";
    }
    for (String tool : List.of("bwrap", "nsenter", "setpriv", "prlimit", "socat", "slirp4netns", "chown")) {
      if (find(tool) == null) {
        return tool + " is not installed";
      }
    }
    return null;
  }

  /** The tools, then the namespace a trial gets, made and dropped: the same check a trial makes. */
  private static String probe() {
    String tools = toolsProblem();
    if (tools != null) {
      return tools;
    }
    try (NetworkNamespace ns = NetworkNamespace.create(find("bwrap"))) {
      return null;
    } catch (SandboxUnavailableException e) {
      return e.getMessage();
    } catch (IOException e) {
      return "bubblewrap could not start: " + e.getMessage();
    }
  }

  /** The bubblewrap executable (once {@link #namespacesProblem()} said it works). */
  static String bwrap() {
    return find("bwrap");
  }

  private static String find(String tool) {
    for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return Path.of(dir, tool).toString();
      }
    }
    return null;
  }
}
