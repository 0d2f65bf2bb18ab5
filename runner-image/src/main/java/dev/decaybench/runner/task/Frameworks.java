package dev.decaybench.runner.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The eight frameworks of the constraint-decay suite and what differs between their families. */
public final class Frameworks {

  /** One framework: its family decides the language, the ORM, the port and the set-up. */
  public record Framework(String id, String title, String family) {
    public boolean node() {
      return family.equals(dev.decaybench.model.v1alpha1.Framework.NODE_FAMILY);
    }

    public String orm() {
      return node() ? "sequelize" : "sqlalchemy";
    }

    public int port() {
      return node() ? 3000 : 8080;
    }

    /**
     * As the paper's tasks: install the dependencies, then make {@code run.sh} executable (agents
     * write it with a file tool or a heredoc, which leave it at mode 644).
     */
    public List<String> setupCmds(PythonPackages packages) {
      List<String> cmds = new ArrayList<>(node()
          ? List.of("npm install --no-audit --no-fund --prefer-offline") : packages.setupCmds());
      cmds.add("chmod +x run.sh");
      return List.copyOf(cmds);
    }

    public List<String> runCmds(PythonPackages packages) {
      return List.of(node() ? "./run.sh" : packages.runCmd());
    }
  }

  /** The API's frameworks ({@link dev.decaybench.model.v1alpha1.Framework}, the one list). */
  public static final List<Framework> ALL = Arrays.stream(
      dev.decaybench.model.v1alpha1.Framework.values())
      .map(f -> new Framework(f.value(), f.title(), f.family())).toList();

  private static final Map<String, String> ALIASES = Map.of("honojs", "hono");

  private Frameworks() {}

  public static Framework byId(String id) {
    String key = ALIASES.getOrDefault(id, id);
    return ALL.stream().filter(f -> f.id().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown framework '" + id + "' (known: "
            + String.join(", ", ids()) + ")"));
  }

  /** The framework ids, in the suite's order. */
  public static List<String> ids() {
    return ALL.stream().map(Framework::id).toList();
  }

  public static boolean known(String id) {
    String key = ALIASES.getOrDefault(id, id);
    return ALL.stream().anyMatch(f -> f.id().equals(key));
  }
}
