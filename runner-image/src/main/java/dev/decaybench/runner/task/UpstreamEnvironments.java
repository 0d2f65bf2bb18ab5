package dev.decaybench.runner.task;

import static dev.decaybench.runner.postgres.DatabaseSettings.DATABASE;
import static dev.decaybench.runner.postgres.DatabaseSettings.HOST;
import static dev.decaybench.runner.postgres.DatabaseSettings.PASSWORD;
import static dev.decaybench.runner.postgres.DatabaseSettings.PORT;
import static dev.decaybench.runner.postgres.DatabaseSettings.USER;

import java.util.Map;

/**
 * The environment the paper's feature-task repositories read and its task files do not give (the
 * paper's containers set it): found in each repository's own configuration at the task's commit,
 * pointed at the trial's database. A repository that is not listed gets none.
 */
final class UpstreamEnvironments {

  private static final Map<String, Map<String, String>> BY_URL = Map.of(
      // realworld/api/core/db.py reads POSTGRES_*; flask run needs the app and the port (.env is not loaded)
      "https://github.com/mhegelheimer/realworld-flask.git", Map.of("FLASK_APP", "realworld.app",
          "FLASK_RUN_PORT", "8080", "POSTGRES_HOST", HOST, "POSTGRES_DB", DATABASE,
          "POSTGRES_USER", USER, "POSTGRES_PASSWORD", PASSWORD),
      // conduit/config.py: Dynaconf with prefix CONDUIT, every value required
      "https://github.com/stkrizh/realworld-aiohttp.git", Map.of("CONDUIT_POSTGRES_HOST", HOST,
          "CONDUIT_POSTGRES_PORT", Integer.toString(PORT), "CONDUIT_POSTGRES_DB", DATABASE,
          "CONDUIT_POSTGRES_USER", USER, "CONDUIT_POSTGRES_PASSWORD", PASSWORD,
          "CONDUIT_SECRET_KEY", "decaybench-feature-task", "ALEMBIC_CONFIG", "./migrations/alembic.ini"),
      // src/middleware/auth/authenticator.ts refuses to start without JWT_SECRET
      "https://github.com/SeuRonao/realworld-express-prisma.git", Map.of("JWT_SECRET", "decaybench-feature-task"));

  private UpstreamEnvironments() {}

  /** The environment for the repository at {@code url}, or null when none is known. */
  static Map<String, String> of(String url) {
    return BY_URL.get(url);
  }
}
