package dev.decaybench.runner.suite.glue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.model.result.AssertionResult;
import dev.decaybench.model.result.RequestResult;
import dev.decaybench.runner.suite.JsSemantics;
import dev.decaybench.runner.suite.ResponsePath;
import dev.decaybench.runner.suite.SuiteSession;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.stream.Collectors;

/**
 * Step vocabulary of the Conduit features. Every {@code Then} step is exactly one counted
 * assertion and never throws, so a failing check never hides the ones after it; the scenario's
 * verdict is given once, after its last step.
 */
public class ConduitSteps {

  private final SuiteSession session = SuiteSession.current();

  @When("{string} is sent as {word} {string}")
  public void sendAnonymous(String name, String method, String path) {
    session.send(name, method, path, null, null);
  }

  @When("{string} is sent as {word} {string} with body:")
  public void sendAnonymousWithBody(String name, String method, String path, String body) {
    session.send(name, method, path, body, null);
  }

  @When("{string} is sent as {word} {string} with the token")
  public void sendWithToken(String name, String method, String path) {
    session.send(name, method, path, null, "token");
  }

  @When("{string} is sent as {word} {string} with the token and body:")
  public void sendWithTokenAndBody(String name, String method, String path, String body) {
    session.send(name, method, path, body, "token");
  }

  @When("{string} is sent as {word} {string} with the token of {string}")
  public void sendAs(String name, String method, String path, String user) {
    session.send(name, method, path, null, "token_" + user);
  }

  @When("{string} is sent as {word} {string} with the token of {string} and body:")
  public void sendAsWithBody(String name, String method, String path, String user, String body) {
    session.send(name, method, path, body, "token_" + user);
  }

  @Then("the response code is {int}")
  public void responseCode(int expected) {
    session.check("Response code is " + expected, body -> {
      Integer status = session.status();
      return status != null && status == expected;
    }, "expected status " + expected);
  }

  @Then("the body has {string}")
  public void bodyHas(String property) {
    session.check("Response contains \"" + property + "\" property",
        body -> JsSemantics.hasOwnProperty(body, property), "expected property \"" + property + "\"");
  }

  @Then("{string} has {string}")
  public void objectHas(String object, String property) {
    String path = object + "." + property;
    session.check(object + " has \"" + property + "\" property",
        body -> JsSemantics.hasOwnProperty(ResponsePath.parent(body, path), property),
        "expected property " + path);
  }

  @Then("{string} is an array")
  public void isArray(String path) {
    session.check(path + " is an array",
        body -> ResponsePath.value(body, path).isArray(), "expected " + path + " to be an array");
  }

  @Then("{string} is an integer")
  public void isInteger(String path) {
    session.check(path + " is an integer",
        body -> JsSemantics.isInteger(ResponsePath.value(body, path)),
        "expected " + path + " to be an integer");
  }

  @Then("{string} is true")
  public void isTrue(String path) {
    session.check(path + " is true", body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isBoolean() && v.booleanValue();
    }, "expected " + path + " === true");
  }

  @Then("{string} is false")
  public void isFalse(String path) {
    session.check(path + " is false", body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isBoolean() && !v.booleanValue();
    }, "expected " + path + " === false");
  }

  @Then("{string} is greater than {int}")
  public void greaterThan(String path, int bound) {
    session.check(path + " is greater than " + bound,
        body -> JsSemantics.greaterThan(ResponsePath.value(body, path), bound),
        "expected " + path + " > " + bound);
  }

  /** Stores a response value for later requests, like pm.globals.set (not a check). */
  @Then("{string} is remembered as {string}")
  public void remember(String path, String variable) {
    if (session.status() != null) {
      session.remember(variable, ResponsePath.value(session.body(), path));
    }
  }

  /** The collection's "Login and Remember Token" check: stored only when the property exists. */
  @Then("the token from {string} is remembered")
  public void rememberToken(String path) {
    if (session.status() != null
        && JsSemantics.hasOwnProperty(ResponsePath.parent(session.body(), path),
            ResponsePath.lastSegment(path))) {
      session.remember("token", ResponsePath.value(session.body(), path));
    }
    session.check("Global variable \"token\" has been set",
        body -> JsSemantics.truthy(ResponsePath.value(body, path)), "expected a non-empty token");
  }

  @Before
  public void enterScenario(Scenario scenario) {
    session.enterFeature(scenario.getUri().toString());
  }

  @After
  public void closeRequest() {
    RequestResult result = session.finishRequest();
    if (result != null && result.failedCount() > 0) {
      throw new AssertionError(result.failedCount() + " of " + result.assertions().size()
          + " checks failed:\n" + result.assertions().stream().filter(a -> !a.passed())
              .map(ConduitSteps::describe).collect(Collectors.joining("\n")));
    }
  }

  private static String describe(AssertionResult a) {
    return "  - " + a.name() + ": " + a.message();
  }
}
