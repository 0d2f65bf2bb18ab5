package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.ClassifierFixtures.ALL_PASSED;
import static dev.decaybench.runner.classify.ClassifierFixtures.NO_CSV;
import static dev.decaybench.runner.classify.ClassifierFixtures.allUnanswered;
import static dev.decaybench.runner.classify.ClassifierFixtures.line;
import static dev.decaybench.runner.classify.ClassifierFixtures.lines;
import static dev.decaybench.runner.classify.ClassifierFixtures.sample;
import static dev.decaybench.runner.classify.ClassifierFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.input.RequestOutcome;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Taxonomy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One minimal case per rule: the rule that fires, the class and subcategory it gives. */
class ClassifierRulesTest {

  private static final Set<String> FIRED = new HashSet<>();
  private static final FailureClassifier CLASSIFIER = new FailureClassifier();

  private static Map<String, Object[]> cases() {
    Map<String, Object[]> m = new LinkedHashMap<>();
    String loop = step("npm run build", "error TS2345").repeat(5) + "[user]\nLimitsExceeded";
    String varied = step("ls", "a") + step("cat app.py", "b") + step("python -m pytest", "1 failed") + "[user]\nLimitsExceeded";
    String stub = Stream.of("Login", "Current User", "All Articles", "Feed", "Favorite Article", "Unfavorite Article",
        "Create Comment for Article", "All Comments for Article", "Profile", "Follow Profile", "Unfollow Profile",
        "All Tags", "Articles by Author", "Articles by Tag", "Create Article", "Single Article by slug")
        .map(n -> line(n, "", 404, 3)).reduce((a, b) -> a + "\n" + b).orElseThrow();
    m.put("harness-error", new Object[] {sample(NO_CSV).put("harness_error", "postgres did not start"), "other", null});
    m.put("setup-unreachable", new Object[] {sample(NO_CSV).put("setup_exit_code", "1").put("setup_command", "npm install")
        .put("setup_log", "npm ERR! code ENOTFOUND\nnpm ERR! network request to https://registry.npmjs.org/express failed,"
            + " reason: getaddrinfo ENOTFOUND registry.npmjs.org"), "other", null});
    m.put("no-evidence", new Object[] {sample(null), "other", null});
    m.put("agent-loop", new Object[] {sample(allUnanswered()).trajectory(loop), "stuck_in_loop", null});
    m.put("agent-aborted", new Object[] {sample(NO_CSV).status("ContextWindowExceededError"), "premature_termination", null});
    m.put("no-run-script", new Object[] {sample(NO_CSV).log("/bin/sh: 1: ./run.sh: not found"), "premature_termination", null});
    m.put("step-limit", new Object[] {sample(NO_CSV).trajectory(varied), "premature_termination", null});
    m.put("time-limit", new Object[] {sample(allUnanswered()).log("ModuleNotFoundError: No module named 'routes'")
        .trajectory("--- end: not finished after 16 step(s); agent stopped at its time limit of 8 s"), "premature_termination", null});
    m.put("setup-failed", new Object[] {sample(NO_CSV).put("setup_exit_code", "1").put("setup_command", "npm install")
        .put("setup_log", "npm ERR! code ETARGET\nnpm ERR! notarget No matching version found for express@99.0.0."),
        "server_startup_failure", null});
    m.put("startup-no-answer", new Object[] {sample(allUnanswered()).log("ModuleNotFoundError: No module named 'jwt'"),
        "server_startup_failure", null});
    m.put("stub-submitted", new Object[] {sample(stub), "premature_termination", null});
    m.put("verifier-only", new Object[] {sample(ALL_PASSED).verifiers("Database: FAILED \u2014 sqlite evidence found"),
        "constraint_violation", null});
    m.put("nearly-passed-verifier", new Object[] {sample(line("Profile", "GET", 200, 1))
        .verifiers("ORM: FAILED \u2014 no sequelize evidence"), "constraint_violation", null});
    m.put("all-passed-no-cause", new Object[] {sample(ALL_PASSED), "other", null});
    m.put("not-implemented", new Object[] {sample(line("Create Comment for Article", "POST", 500, 6))
        .log("NotImplementedError: comments"), "incomplete_implementation", null});
    m.put("framework-signature", new Object[] {sample(line("Favorite Article", "POST", 400, 15))
        .log("{\"err\":{\"code\":\"FST_ERR_CTP_EMPTY_JSON_BODY\"}}"), "logic_error", "framework_idiosyncrasy"});
    m.put("empty-body-rejected", new Object[] {sample(lines(line("Favorite Article", "POST", 400, 15),
        line("Unfavorite Article", "DELETE", 400, 14))), "logic_error", "framework_idiosyncrasy"});
    m.put("redirect-status", new Object[] {sample(line("All Tags", "GET", 301, 3)), "logic_error", "framework_idiosyncrasy"});
    m.put("auth-unauthorized", new Object[] {sample(lines(line("Current User", "GET", 401, 5),
        line("Update User", "PUT", 401, 5))), "logic_error", "auth_misconfiguration"});
    m.put("auth-token-error", new Object[] {sample(line("Register", "POST", 500, 6))
        .log("Error: secretOrPrivateKey must have a value"), "logic_error", "auth_misconfiguration"});
    m.put("data-layer-error", new Object[] {sample(line("Create Article", "POST", 500, 13))
        .log("sqlalchemy.orm.exc.DetachedInstanceError: Instance <Article> is not bound to a Session"),
        "logic_error", "database_runtime_error"});
    m.put("state-error", new Object[] {sample(line("Follow Profile", "POST", 500, 7))
        .log("django.contrib.auth.models.User.profile.RelatedObjectDoesNotExist: User has no profile."),
        "logic_error", "state_propagation_failure"});
    m.put("slug-not-propagated", new Object[] {sample(lines(line("Single Article by slug", "GET", 404, 13),
        line("Update Article", "PUT", 404, 13))).log("GET /api/articles/undefined 404 2.1 ms - 40"),
        "logic_error", "state_propagation_failure"});
    m.put("route-group-missing", new Object[] {sample(lines(line("Create Comment for Article", "POST", 404, 6),
        line("All Comments for Article", "GET", 404, 7), line("All Comments for Article without login", "GET", 404, 7))),
        "incomplete_implementation", null});
    m.put("method-not-allowed", new Object[] {sample(lines(line("Update User", "PUT", 405, 5),
        line("Update Article", "PUT", 405, 13))), "incomplete_implementation", null});
    m.put("feed-shadowed", new Object[] {sample(line("Feed", "GET", 404, 5)), "logic_error", "framework_idiosyncrasy"});
    m.put("filter-refused", new Object[] {sample(lines(line("Articles by Author", "GET", 422, 5),
        line("Articles by Tag", "GET", 422, 5))), "logic_error", "incorrect_query_logic"});
    m.put("auth-helper-not-awaited", new Object[] {sample(line("Current User", "GET", 500, 5)).log(String.join("\n",
        "Traceback (most recent call last):",
        "  File \"/repository/server.py\", line 88, in current_user",
        "    return web.json_response({'user': user_json(user[\"username\"])})",
        "TypeError: 'coroutine' object is not subscriptable")), "logic_error", "auth_misconfiguration"});
    m.put("request-schema-rejected", new Object[] {sample(lines(line("Register", "POST", 422, 6),
        line("Login", "POST", 422, 6))), "schema_format_error", null});
    m.put("write-row", new Object[] {sample(lines(line("All Comments for Article", "GET", 200, 5),
        line("All Comments for Article without login", "GET", 200, 5)))
        .write("Create Comment for Article", "comment", false, "no text column of 6 table(s) holds it"),
        "logic_error", "state_propagation_failure"});
    m.put("list-query", new Object[] {sample(lines(line("All Articles", "GET", 200, 2), line("Articles by Tag", "GET", 200, 2))),
        "logic_error", "incorrect_query_logic"});
    m.put("response-shape", new Object[] {sample(line("Profile", "GET", 200, 5)), "schema_format_error", null});
    m.put("endpoint-404", new Object[] {sample(line("Update User", "PUT", 404, 5)), "incomplete_implementation", null});
    m.put("status-mismatch", new Object[] {sample(line("Follow Profile", "POST", 201, 1)), "logic_error", "business_logic_defect"});
    m.put("write-not-persisted", new Object[] {sample(line("Unfollow Profile", "DELETE", 200, 1)),
        "logic_error", "state_propagation_failure"});
    m.put("filter-wrong-results", new Object[] {sample(lines(line("Articles by Tag", "GET", 200, 5).replace(": 5", ": 0"),
        line("Articles by Tag", "GET", 200, 12))), "logic_error", "incorrect_query_logic"});
    m.put("app-exception", new Object[] {sample(line("Update Article", "PUT", 500, 13))
        .log("TypeError: Cannot read properties of null (reading 'title')"), "logic_error", "business_logic_defect"});
    m.put("client-error", new Object[] {sample(line("Register Celeb", "POST", 422, 6)), "logic_error", "business_logic_defect"});
    m.put("logic-fallback", new Object[] {sample(line("Update Article", "PUT", 500, 13)), "logic_error", "business_logic_defect"});
    m.put("nothing-fits", new Object[] {sample("lorem ipsum").log("some log line"), "other", null});
    return m;
  }

  static Stream<Arguments> ruleCases() {
    return cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleCases")
  void ruleFiresWithItsClass(String rule, ClassifierFixtures.Builder sample, String coarse, String sub) {
    FailureClass f = CLASSIFIER.classify(sample.evidence());
    assertThat(f.rule()).as("rule for %s, evidence %s", rule, f.evidence()).isEqualTo(rule);
    assertThat(f.coarse()).isEqualTo(coarse);
    assertThat(f.subcategory()).isEqualTo(sub);
    assertThat(f.dataLayer()).isEqualTo(Taxonomy.isDataLayer(sub));
    assertThat(f.confidence()).isBetween(0.0, 1.0);
    assertThat(f.evidence()).isNotEmpty();
    FIRED.add(rule);
  }

  @Test
  void everyRuleHasACase() {
    assertThat(cases().keySet()).containsExactlyInAnyOrderElementsOf(FailureClassifier.ruleIds());
  }

  @Test
  void theTaxonomyDocumentsEveryRuleInTheOrderTheyAreTried() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "failure-taxonomy.md"));
    Matcher m = Pattern.compile("(?m)^\\*\\*`([a-z0-9-]+)`\\*\\*").matcher(doc);
    List<String> documented = new ArrayList<>();
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertThat(documented).containsExactlyElementsOf(FailureClassifier.ruleIds());
  }

  @Test
  void aMissingArticlesCountOnAnEmptyListIsAShapeDefectNotAnEmptyList() {
    // as evaluate records it: check name, then the message with the body after " :: "
    String body = " :: expected property \"articlesCount\" (HTTP 200, body: {\"articles\":[]})";
    List<RequestOutcome> requests = new ArrayList<>();
    for (String list : List.of("All Articles", "Articles by Author", "Articles Favorited by Username",
        "Articles by Tag")) {
      requests.add(new RequestOutcome(list, "GET", "/articles", 200, null, 2, 5, List.of(
          "Response contains \"articlesCount\" property" + body, "articlesCount is an integer" + body)));
    }
    requests.add(new RequestOutcome("Create Article", "POST", "/articles", 201, null, 13, 13,
        List.of("Response contains \"article\" property", "article has \"slug\" property")));
    requests.add(new RequestOutcome("Single Article by slug", "GET", "/articles/undefined", 404, null, 13, 13, null));
    requests.add(new RequestOutcome("Update Article", "PUT", "/articles/undefined", 404, null, 13, 13, null));
    requests.add(new RequestOutcome("Favorite Article", "POST", "/articles/undefined/favorite", 404, null, 15, 15, null));
    TrialEvidence e = new TrialEvidence("test", "express-openapi-postgres", requests, false, true, "", "", "", null,
        null, true, null, null, null, null);
    FailureClass f = CLASSIFIER.classify(e);
    assertThat(f.coarse()).as("rule %s, evidence %s", f.rule(), f.evidence()).isEqualTo("schema_format_error");
    assertThat(f.rule()).isEqualTo("response-shape");
  }

  @Test
  void a405OnAPathThatAnswersAnotherMethodIsFrameworkMethodRouting() {
    FailureClass f = CLASSIFIER.classify(sample(line("Single Article by slug", "GET", 405, 13)).evidence());
    assertThat(f.rule()).isEqualTo("method-not-allowed");
    assertThat(f.subcategory()).isEqualTo("framework_idiosyncrasy");
  }

  @Test
  void aDatabaseErrorInTheLogOutranksTheAuthFailuresItCauses() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Register", "POST", 422, 6), line("Current User", "GET", 401, 5),
        line("All Articles", "GET", 500, 5), line("All Tags", "GET", 500, 3)))
        .log("RuntimeError: threads can only be started once").evidence());
    assertThat(f.rule()).isEqualTo("data-layer-error");
    assertThat(f.subcategory()).isEqualTo("database_runtime_error");
  }

  @Test
  void anArticleCreatedWithoutItsSlugIsAStateFailureNotAShapeError() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Create Article", "POST", 200, 13),
        line("Single Article by slug", "GET", 422, 13), line("Update Article", "PUT", 422, 13),
        line("Favorite Article", "POST", 422, 15))).log("\"GET /api/articles/null HTTP/1.1\" 422").evidence());
    assertThat(f.rule()).isEqualTo("slug-not-propagated");
    assertThat(f.subcategory()).isEqualTo("state_propagation_failure");
  }

  @Test
  void aTimezoneMismatchOnInsertIsADatabaseRuntimeError() {
    FailureClass f = CLASSIFIER.classify(sample(line("Register", "POST", 500, 6))
        .log("sqlalchemy.exc.DBAPIError: <class 'asyncpg.exceptions.DataError'>: invalid input for query argument $6:"
            + " datetime.datetime(2026, 3, 3) (can't subtract offset-naive and offset-aware datetimes)").evidence());
    assertThat(f.subcategory()).isEqualTo("database_runtime_error");
  }

  @Test
  void queryCompositionErrorsAreQueryLogicNotRuntimeErrors() {
    FailureClass f = CLASSIFIER.classify(sample(line("Articles by Author", "GET", 500, 17))
        .log("sqlalchemy.exc.ProgrammingError: (psycopg2.errors.UndefinedFunction) operator does not exist: integer = text")
        .evidence());
    assertThat(f.subcategory()).isEqualTo("incorrect_query_logic");
    assertThat(f.dataLayer()).isTrue();
  }

  @Test
  void cascadesAfterAFailedArticleCreationAreNotRoots() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Create Article", "POST", 500, 13),
        line("Single Article by slug", "GET", 404, 13), line("Update Article", "PUT", 404, 13),
        line("Create Comment for Article", "POST", 404, 6), line("All Comments for Article", "GET", 404, 7),
        line("All Comments for Article without login", "GET", 404, 7)))
        .log("SequelizeUniqueConstraintError: Validation error").evidence());
    assertThat(f.rule()).isEqualTo("data-layer-error");
    assertThat(f.subcategory()).isEqualTo("database_runtime_error");
  }

  @Test
  void a401CascadeFromAnUnwrappedLoginIsASchemaError() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Register", "POST", 201, 6), line("Login", "POST", 200, 6),
        line("Login and Remember Token", "POST", 200, 7), line("Current User", "GET", 401, 5),
        line("Create Article", "POST", 401, 13))).evidence());
    assertThat(f.coarse()).isEqualTo("schema_format_error");
  }

  @Test
  void favouriteCountUnchangedIsStateButFlagOnlyIsQuery() {
    FailureClass state = CLASSIFIER.classify(sample(lines(line("Favorite Article", "POST", 200, 2),
        line("Articles Favorited by Username", "GET", 200, 12))).evidence());
    FailureClass query = CLASSIFIER.classify(sample(lines(line("Favorite Article", "POST", 200, 1),
        line("Articles Favorited by Username", "GET", 200, 12))).evidence());
    assertThat(state.subcategory()).isEqualTo("state_propagation_failure");
    assertThat(query.subcategory()).isEqualTo("incorrect_query_logic");
  }

  @Test
  void anAgentThatSubmittedAfterPollingIsNotStuck() {
    String polling = step("curl -s localhost:8080/api/health-check", "").repeat(4)
        + "[assistant]\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT\n```";
    FailureClass f = CLASSIFIER.classify(sample(allUnanswered()).trajectory(polling)
        .log("Error: Cannot find module 'express'").evidence());
    assertThat(f.coarse()).isEqualTo("server_startup_failure");
  }

  @Test
  void anErrorNameInACommandsOutputIsNotAnAbortedRun() {
    String t = "[system]\nYou are a helpful assistant.\n\n[user]\nFinish with `echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT`.\n\n"
        + step("curl -s localhost:8080/api/user", "werkzeug.exceptions.InternalServerError: 500\nAPIError: boom");
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Current User", "GET", 401, 5), line("Update User", "PUT", 401, 5)))
        .trajectory(t).evidence());
    assertThat(f.rule()).isEqualTo("auth-unauthorized");
  }

  @Test
  void repeatingACommandIsNotALoopWhenTheAppAnswersAndNoLimitWasHit() {
    FailureClass f = CLASSIFIER.classify(sample(line("Unfollow Profile", "DELETE", 200, 1))
        .trajectory(step("curl -s localhost:3000/api/tags", "{\"tags\":[]}").repeat(6)).evidence());
    assertThat(f.coarse()).isEqualTo("logic_error");
  }

  @Test
  void anAppThatStartedAndDiedOnItsFirstQueryIsADatabaseErrorNotAStartupFailure() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Register", "POST", null, 6), line("Login", "POST", null, 6)))
        .log("Server listening on port 3000\n  <-- POST /api/users\nerror: relation \"users\" does not exist\n"
            + "    at async UserRepository.create (/repository/src/repositories/userRepository.js:12:22)").evidence());
    assertThat(f.subcategory()).isEqualTo("database_runtime_error");
  }

  @Test
  void aTokenRefusedWith422AcrossRouteGroupsIsAuth() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Current User", "GET", 422, 5), line("Update User", "PUT", 422, 5),
        line("Create Article", "POST", 422, 13), line("Feed", "GET", 422, 5))).evidence());
    assertThat(f.subcategory()).isEqualTo("auth_misconfiguration");
  }

  @Test
  void anExceptionRaisedInARepositoryIsADatabaseRuntimeError() {
    String tb = "Traceback (most recent call last):\n  File \"/repository/app/routes/articles.py\", line 31, in list_articles\n"
        + "    return service.list()\n  File \"/repository/app/repositories/article_repository.py\", line 47, in get_articles\n"
        + "    query = query.join(User)\nNameError: name 'User' is not defined";
    FailureClass repo = CLASSIFIER.classify(sample(line("Articles by Author", "GET", 500, 17)).log(tb).evidence());
    FailureClass view = CLASSIFIER.classify(sample(line("Articles by Author", "GET", 500, 17))
        .log(tb.replace("repositories/article_repository.py", "views/helpers.py").replace("query.join(User)", "x = y(User)"))
        .evidence());
    assertThat(repo.subcategory()).isEqualTo("database_runtime_error");
    assertThat(view.subcategory()).isEqualTo("business_logic_defect");
  }

  @Test
  void aNullIdentifierRejectedByTheDatabaseIsState() {
    FailureClass f = CLASSIFIER.classify(sample(lines(line("Single Article by slug", "GET", 500, 13)))
        .log("error: invalid input syntax for type integer: \"null\"").evidence());
    assertThat(f.subcategory()).isEqualTo("state_propagation_failure");
  }

  @Test
  void aLoneListSummaryLineIsTheSecondRoundList() {
    FailureClass f = CLASSIFIER.classify(sample(line("All Articles", "GET", 200, 1)).evidence());
    assertThat(f.rule()).isEqualTo("list-query");
  }

  @Test
  void secondStageTurnsA405IntoFrameworkMethodHandling() {
    FailureClass f = CLASSIFIER.classifyLogicError(sample(line("Update User", "PUT", 405, 5)).evidence());
    assertThat(f.subcategory()).isEqualTo("framework_idiosyncrasy");
  }

  @AfterAll
  static void report() {
    System.out.println("classifier rules exercised: " + FIRED.size() + "/" + FailureClassifier.ruleIds().size());
  }
}
