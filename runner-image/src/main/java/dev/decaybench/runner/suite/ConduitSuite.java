package dev.decaybench.runner.suite;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Runs one Cucumber suite against a live app, in this thread, and returns its requests with
 * every assertion counted. The paper's suite is {@link #PAPER}: 32 requests, 290 assertions.
 */
public final class ConduitSuite {

  /** A named, ordered set of feature files on the class path. */
  public record Definition(String name, String tag, List<String> features, int expectedAssertions) {}

  public static final Definition PAPER = new Definition("paper", "@paper", List.of(
      "classpath:features/conduit/01-auth.feature",
      "classpath:features/conduit/02-articles.feature",
      "classpath:features/conduit/03-articles-favorites-comments.feature",
      "classpath:features/conduit/04-profiles.feature",
      "classpath:features/conduit/05-tags.feature"), 290);

  private static final String GLUE = "dev.decaybench.runner.suite.glue";

  private final Duration requestTimeout;

  public ConduitSuite(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  /**
   * @param apiUrl base URL including the API prefix, e.g. {@code http://127.0.0.1:8080/api}
   * @param reportDir where the Cucumber JSON and JUnit XML reports go
   */
  public SuiteOutcome run(Definition suite, String apiUrl, Path reportDir) {
    String user = "db" + HexFormat.of().formatHex(randomBytes(5));
    Map<String, String> variables = Map.of(
        "USERNAME", user,
        "EMAIL", user + "@decaybench.dev",
        "PASSWORD", "pw-" + HexFormat.of().formatHex(randomBytes(6)));
    SuiteSession session = new SuiteSession(apiUrl, new HttpCaller(requestTimeout), variables);
    List<String> args = new ArrayList<>(List.of(
        "--glue", GLUE,
        "--plugin", "json:" + reportDir.resolve("cucumber-" + suite.name() + ".json"),
        "--plugin", "junit:" + reportDir.resolve("junit-" + suite.name() + ".xml"),
        "--monochrome"));
    args.addAll(suite.features());
    System.setProperty("cucumber.publish.quiet", "true");
    SuiteSession.bind(session);
    try {
      // Exit status 1 only means some scenario failed; the counted assertions say how much.
      io.cucumber.core.cli.Main.run(args.toArray(String[]::new),
          Thread.currentThread().getContextClassLoader());
    } finally {
      SuiteSession.unbind();
    }
    SuiteOutcome outcome = SuiteOutcome.of(session.completed());
    if (outcome.counts().total() != suite.expectedAssertions()) {
      throw new IllegalStateException("suite " + suite.name() + " counted "
          + outcome.counts().total() + " assertions instead of " + suite.expectedAssertions()
          + "; the feature files and the step definitions disagree");
    }
    return outcome;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
