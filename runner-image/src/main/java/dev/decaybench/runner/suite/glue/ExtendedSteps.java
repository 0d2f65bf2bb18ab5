package dev.decaybench.runner.suite.glue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.suite.ResponsePath;
import dev.decaybench.runner.suite.SuiteSession;
import io.cucumber.java.en.Then;

/**
 * Checks the paper's collection never makes: exact values, counts, order, filters. Like the
 * other checks, each step is one counted assertion and never throws.
 */
public class ExtendedSteps {

  private final SuiteSession session = SuiteSession.current();

  @Then("{string} equals {int}")
  public void equalsNumber(String path, int expected) {
    session.check(path + " equals " + expected, body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isNumber() && v.doubleValue() == expected;
    }, "expected " + path + " == " + expected);
  }

  @Then("{string} equals {string}")
  public void equalsText(String path, String expectedTemplate) {
    String expected = session.substitute(expectedTemplate);
    session.check(path + " equals \"" + expectedTemplate + "\"", body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isTextual() && v.textValue().equals(expected);
    }, "expected " + path + " == \"" + expected + "\"");
  }

  @Then("{string} has {int} element(s)")
  public void hasElements(String path, int expected) {
    session.check(path + " has " + expected + " elements", body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isArray() && v.size() == expected;
    }, "expected " + expected + " elements in " + path);
  }

  @Then("{string} is a non-empty array")
  public void nonEmptyArray(String path) {
    session.check(path + " is a non-empty array", body -> {
      JsonNode v = ResponsePath.value(body, path);
      return v.isArray() && !v.isEmpty();
    }, "expected a non-empty array at " + path);
  }

  @Then("{string} contains {string}")
  public void arrayContains(String path, String valueTemplate) {
    String value = session.substitute(valueTemplate);
    session.check(path + " contains \"" + valueTemplate + "\"",
        body -> containsText(ResponsePath.value(body, path), value),
        "expected " + path + " to contain \"" + value + "\"");
  }

  @Then("every element of {string} has {string} containing {string}")
  public void everyElementContains(String path, String property, String valueTemplate) {
    String value = session.substitute(valueTemplate);
    everyElement("every " + path + " has " + property + " containing \"" + valueTemplate + "\"",
        path, e -> containsText(ResponsePath.value(e, property), value),
        "expected every element of " + path + " to have " + property + " containing \"" + value + "\"");
  }

  @Then("every element of {string} has {string} equal to {string}")
  public void everyElementEquals(String path, String property, String valueTemplate) {
    String value = session.substitute(valueTemplate);
    everyElement("every " + path + " has " + property + " = \"" + valueTemplate + "\"", path, e -> {
      JsonNode v = ResponsePath.value(e, property);
      return v.isTextual() && v.textValue().equals(value);
    }, "expected every element of " + path + " to have " + property + " = \"" + value + "\"");
  }

  /** One check over a list: it must be a non-empty array whose every element passes. */
  private void everyElement(String name, String path, java.util.function.Predicate<JsonNode> each,
      String expected) {
    session.check(name, body -> {
      JsonNode list = ResponsePath.value(body, path);
      if (!list.isArray() || list.isEmpty()) {
        return false;
      }
      for (JsonNode e : list) {
        if (!each.test(e)) {
          return false;
        }
      }
      return true;
    }, expected);
  }

  private static boolean containsText(JsonNode array, String value) {
    if (!array.isArray()) {
      return false;
    }
    for (JsonNode e : array) {
      if (e.isTextual() && e.textValue().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
