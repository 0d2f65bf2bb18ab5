package dev.decaybench.runner.task;

import java.util.ArrayList;
import java.util.List;

/**
 * How a feature task (an existing repository) is set up and started. The paper's
 * {@code setupCmds} are migrations ({@code alembic upgrade head}, {@code prisma migrate}): they
 * need the database, so they run just before the run command, after PostgreSQL is up and with
 * the app's environment. The set-up phase (registries reachable, no database) installs the
 * project's own dependencies: {@code package.json} with npm (then {@code prisma generate} when
 * the project uses Prisma, which downloads its engines); {@code pyproject.toml} (poetry or
 * PEP 517) or {@code requirements.txt} into a virtualenv {@value #VENV} in the project, whose
 * {@code bin} then comes first on the path of every later command.
 */
public final class FeatureCommands {

  /** The project's virtualenv: ignored by the agent's patch, like node_modules. */
  public static final String VENV = ".venv";
  private static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

  private FeatureCommands() {}

  /** Dependency installation in the set-up phase, for a Node or a Python project ({@code packages}: Python only, may be null for Node). */
  public static List<String> setup(boolean node, PythonPackages packages) {
    if (node) {
      // Prisma fetches its engines on first use: here, where the network is, not in the run step
      return List.of("[ ! -f package.json ] || npm install --no-audit --no-fund",
          "[ ! -x node_modules/.bin/prisma ] || node_modules/.bin/prisma generate");
    }
    if (!packages.fromIndex()) {
      return List.of();  // no index: only the machine's packages, as for greenfield Python tasks
    }
    String pip = VENV + "/bin/pip install --quiet --disable-pip-version-check --no-input";
    // poetry brings its own CA bundle: it is pointed at the machine's, which pip uses too
    return List.of("if [ -f pyproject.toml ] && grep -q '^\\[tool.poetry\\]' pyproject.toml; then"
        + " python3 -m venv " + VENV + " && " + pip + " poetry && { [ ! -f " + CA_BUNDLE + " ]"
        + " || export REQUESTS_CA_BUNDLE=${REQUESTS_CA_BUNDLE:-" + CA_BUNDLE + "}; } && POETRY_VIRTUALENVS_CREATE=false "
        + VENV + "/bin/poetry install --no-root --no-interaction;"
        + " elif [ -f requirements.txt ]; then python3 -m venv " + VENV + " && " + pip + " -r requirements.txt;"
        + " elif [ -f pyproject.toml ] || [ -f setup.py ]; then python3 -m venv " + VENV + " && " + pip + " .;"
        + " fi");
  }

  /** The run phase: the project's virtualenv on the path, the task's migrations, then its server. */
  public static List<String> run(List<String> migrations, List<String> runCmds) {
    List<String> cmds = new ArrayList<>();
    // poetry run uses the interpreter it runs in instead of creating a virtualenv of its own
    cmds.add("{ [ ! -d " + VENV + " ] || export PATH=\"$PWD/" + VENV + "/bin:$PATH\""
        + " POETRY_VIRTUALENVS_CREATE=false; }");
    cmds.addAll(migrations);
    cmds.addAll(runCmds);
    return List.copyOf(cmds);
  }

  /**
   * A feature task's prompt with how the server is started, as the paper tells its agents (its
   * "server commands" guidance): the agent must not break the start the evaluation relies on.
   */
  public static String prompt(TaskDefinition task) {
    String prompt = task.prompt() == null ? "" : task.prompt();
    if (task.repo() == null) {
      return prompt;
    }
    return prompt + "\n\n## Server commands\n\nThe evaluation starts the server with:\n\n```bash\n"
        + task.runCommand() + "\n```\n";
  }
}
