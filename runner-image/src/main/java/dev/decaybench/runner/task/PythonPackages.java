package dev.decaybench.runner.task;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a built-in Python task's packages come from: {@code index} (set-up runs {@code pip
 * install -r requirements.txt} into the workspace, as the paper's tasks do) or {@code system}
 * (only what the machine has installed; the prompt says so). Chosen once per process, before the
 * prompt is written, because it changes what the agent may import (docs/task-format.md).
 */
public record PythonPackages(String source, String reason) {

  public static final String INDEX = "index";
  public static final String SYSTEM = "system";
  /** The override: {@code auto} (default), {@code index} or {@code system}. */
  public static final String ENV = "DECAYBENCH_PYTHON_PACKAGES";
  /** Installed here (not into the machine's Python): nothing outside the workspace changes. */
  public static final String TARGET = ".python-packages";
  static final URI DEFAULT_INDEX = URI.create("https://pypi.org/simple/");

  /** What {@code auto} asks before choosing the index. */
  public interface Probe {
    boolean indexReachable(URI index);

    /** The installer set-up will call ({@code python3 -m pip}) works on this machine. */
    boolean installerAvailable();
  }

  private static volatile PythonPackages current;

  public PythonPackages {
    if (!INDEX.equals(source) && !SYSTEM.equals(source)) {
      throw new IllegalArgumentException("python packages come from 'index' or 'system', not '" + source + "'");
    }
  }

  public static PythonPackages index(String reason) {
    return new PythonPackages(INDEX, reason);
  }

  public static PythonPackages system(String reason) {
    return new PythonPackages(SYSTEM, reason);
  }

  public boolean fromIndex() {
    return INDEX.equals(source);
  }

  /** This process's choice: resolved on first use from the environment and a quick probe. */
  public static PythonPackages current() {
    PythonPackages p = current;
    if (p == null) {
      synchronized (PythonPackages.class) {
        if (current == null) {
          current = resolve(System.getenv(), new PackageIndexProbe());
        }
        p = current;
      }
    }
    return p;
  }

  /** {@value #ENV} decides; unset or {@code auto}: the index if it answers and pip works. */
  public static PythonPackages resolve(Map<String, String> env, Probe probe) {
    String wanted = env.getOrDefault(ENV, "auto").strip().toLowerCase(Locale.ROOT);
    switch (wanted) {
      case SYSTEM:
        return system(ENV + "=system");
      case INDEX:
        return index(ENV + "=index");
      case "auto":
      case "":
        break;
      default:
        throw new IllegalArgumentException(ENV + " must be auto, index or system, not '" + wanted + "'");
    }
    URI index = indexUri(env);
    if (!probe.installerAvailable()) {
      return system("python3 -m pip is not available on this machine");
    }
    return probe.indexReachable(index) ? index(index + " answered")
        : system(index + " did not answer within " + PackageIndexProbe.TIMEOUT.toSeconds() + " s");
  }

  /** pip's own setting when there is one, else PyPI. */
  static URI indexUri(Map<String, String> env) {
    String configured = env.get("PIP_INDEX_URL");
    return configured == null || configured.isBlank() ? DEFAULT_INDEX : URI.create(configured.strip());
  }

  /**
   * Set-up before {@code chmod +x run.sh}: with the index, the app's requirements go into
   * {@value #TARGET}; a failed install is recorded and the system packages remain.
   */
  List<String> setupCmds() {
    // the root warning is noise in setup.log; an old pip ignores the variable it does not know
    return fromIndex() ? List.of("[ ! -f requirements.txt ] || PIP_ROOT_USER_ACTION=ignore python3 -m pip"
        + " install --quiet --disable-pip-version-check --no-input --timeout 20 --retries 1 --target "
        + TARGET + " -r requirements.txt") : List.of();
  }

  /** The start command: the installed packages come first on the path of any python3. */
  String runCmd() {
    return fromIndex() ? "PYTHONPATH=\"$PWD/" + TARGET + "${PYTHONPATH:+:$PYTHONPATH}\" ./run.sh" : "./run.sh";
  }
}
