package dev.decaybench.runner.suite;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs one Cucumber suite against a live app, in this thread, and returns its requests with
 * every assertion counted. The paper's suite is {@link #PAPER}: 32 requests, 290 assertions.
 */
public final class ConduitSuite {

  /** A named, ordered set of feature files on the class path. */
  public record Definition(String name, List<String> features, int expectedAssertions) {

    /** Every check step counts once: a suite's total never depends on how far the app got. */
    static Definition of(String name, String... features) {
      return new Definition(name, List.of(features), FeatureCounter.checks(List.of(features)));
    }
  }

  /** The paper's Postman collection, rewritten: 32 requests, 290 assertions. */
  public static final Definition PAPER = Definition.of("paper",
      "features/conduit/01-auth.feature",
      "features/conduit/02-articles.feature",
      "features/conduit/03-articles-favorites-comments.feature",
      "features/conduit/04-profiles.feature",
      "features/conduit/05-tags.feature");

  /** decaybench's own checks of what the collection is blind to; never mixed into A%. */
  public static final Definition EXTENDED = Definition.of("extended",
      "features/extended/01-accounts.feature",
      "features/extended/02-articles-lists.feature",
      "features/extended/03-favorites-feed.feature",
      "features/extended/04-ownership.feature");

  static {
    if (PAPER.expectedAssertions() != 290) {
      throw new IllegalStateException("the paper's suite must count 290 assertions, counted "
          + PAPER.expectedAssertions());
    }
  }

  private static final String GLUE = "dev.decaybench.runner.suite.glue";

  private final HttpCaller caller;

  public ConduitSuite(Duration requestTimeout) {
    this(requestTimeout, () -> true);
  }

  /** @param appListening whether the app listens on its port (see {@link HttpCaller}) */
  public ConduitSuite(Duration requestTimeout, BooleanSupplier appListening) {
    this.caller = new HttpCaller(requestTimeout, appListening);
  }

  /**
   * @param apiUrl base URL including the API prefix, e.g. {@code http://127.0.0.1:8080/api}
   * @param reportDir where the Cucumber JSON and JUnit XML reports go
   */
  public SuiteOutcome run(Definition suite, String apiUrl, Path reportDir) {
    return runAll(List.of(suite), apiUrl, reportDir).get(suite.name());
  }

  /**
   * Runs several suites, in order, in ONE Cucumber run (one start-up instead of one per suite),
   * against the same app; the outcome of each is counted on its own. Reports: cucumber.json and
   * junit.xml, one scenario per request, tagged with the suite.
   */
  public Map<String, SuiteOutcome> runAll(List<Definition> suites, String apiUrl, Path reportDir) {
    return runAll(suites, apiUrl, reportDir, SuiteListener.NONE);
  }

  /**
   * As {@link #runAll(List, String, Path)}; {@code listener} is told when each suite starts (the
   * engine marks the app's log there) and when each request is done (it reads the database).
   */
  public Map<String, SuiteOutcome> runAll(List<Definition> suites, String apiUrl, Path reportDir,
      SuiteListener listener) {
    String user = "db" + HexFormat.of().formatHex(randomBytes(5));
    Map<String, String> variables = Map.of(
        "USERNAME", user,
        "EMAIL", user + "@decaybench.dev",
        "PASSWORD", "pw-" + HexFormat.of().formatHex(randomBytes(6)),
        "RUN", HexFormat.of().formatHex(randomBytes(4)));
    Map<String, String> suiteOfFeature = new java.util.LinkedHashMap<>();
    suites.forEach(d -> d.features().forEach(f -> suiteOfFeature.put(f, d.name())));
    SuiteSession session = new SuiteSession(apiUrl, caller, variables, suiteOfFeature, listener);
    List<String> args = new ArrayList<>(List.of(
        "--glue", GLUE,
        "--plugin", "json:" + reportDir.resolve("cucumber.json"),
        "--plugin", "junit:" + reportDir.resolve("junit.xml"),
        "--no-summary",
        "--monochrome"));
    suiteOfFeature.keySet().forEach(f -> args.add("classpath:" + f));
    System.setProperty("cucumber.publish.quiet", "true");
    SuiteSession.bind(session);
    try {
      // Exit status 1 only means some scenario failed; the counted assertions say how much.
      io.cucumber.core.cli.Main.run(args.toArray(String[]::new),
          Thread.currentThread().getContextClassLoader());
    } finally {
      SuiteSession.unbind();
    }
    Map<String, SuiteOutcome> outcomes = new java.util.LinkedHashMap<>();
    for (Definition suite : suites) {
      SuiteOutcome outcome = SuiteOutcome.of(session.completed(suite.name()), session.variables());
      if (outcome.counts().total() != suite.expectedAssertions()) {
        throw new IllegalStateException("suite " + suite.name() + " counted "
            + outcome.counts().total() + " assertions instead of " + suite.expectedAssertions()
            + "; the feature files and the step definitions disagree");
      }
      outcomes.put(suite.name(), outcome);
    }
    return outcomes;
  }

  /**
   * A dry run of the suites that will run, so that Cucumber, the glue and the features are
   * loaded before the suite runs for real; then a few checks on a typical answer, so that the
   * first request's checks do not pay for loading the JSON reader and the checks' code. Nothing
   * is sent.
   */
  public static void warmUp(List<Definition> suites) {
    List<String> args = new ArrayList<>(List.of("--glue", GLUE, "--dry-run", "--no-summary",
        "--monochrome", "--plugin", "json:/dev/null", "--plugin", "junit:/dev/null"));
    for (Definition d : suites) {
      d.features().forEach(f -> args.add("classpath:" + f));
    }
    System.setProperty("cucumber.publish.quiet", "true");
    io.cucumber.core.cli.Main.run(args.toArray(String[]::new),
        Thread.currentThread().getContextClassLoader());
    SuiteSession.warmUp();
  }

  /** Why requests stopped being sent (the app stopped answering), or null. */
  public String gaveUp() {
    return caller.gaveUp();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
