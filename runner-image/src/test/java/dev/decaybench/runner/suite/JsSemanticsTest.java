package dev.decaybench.runner.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsSemanticsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void integerCheckAcceptsWholeFloatsLikeNumberIsInteger() throws Exception {
    assertThat(JsSemantics.isInteger(json("3"))).isTrue();
    assertThat(JsSemantics.isInteger(json("3.0"))).isTrue();
    assertThat(JsSemantics.isInteger(json("3.5"))).isFalse();
    assertThat(JsSemantics.isInteger(json("\"3\""))).isFalse();
    assertThat(JsSemantics.isInteger(json("null"))).isFalse();
  }

  @Test
  void greaterThanCoercesLikeJavaScript() throws Exception {
    assertThat(JsSemantics.greaterThan(json("1"), 0)).isTrue();
    assertThat(JsSemantics.greaterThan(json("\"2\""), 0)).isTrue();
    assertThat(JsSemantics.greaterThan(json("true"), 0)).isTrue();
    assertThat(JsSemantics.greaterThan(json("[5]"), 0)).isTrue();
    assertThat(JsSemantics.greaterThan(json("\"abc\""), 0)).isFalse();
    assertThat(JsSemantics.greaterThan(json("null"), 0)).isFalse();
    assertThat(JsSemantics.greaterThan(json("{}"), 0)).isFalse();
    assertThat(JsSemantics.greaterThan(json("{}").path("missing"), 0)).isFalse();
  }

  @Test
  void propertyChecksFallBackToEmptyObjectForFalsyParents() throws Exception {
    JsonNode body = json("{\"user\": null, \"article\": {\"slug\": null}, \"articles\": [{\"title\": 1}]}");
    assertThat(JsSemantics.hasOwnProperty(ResponsePath.parent(body, "user.email"), "email")).isFalse();
    assertThat(JsSemantics.hasOwnProperty(ResponsePath.parent(body, "article.slug"), "slug"))
        .as("a null value still is an own property").isTrue();
    assertThat(JsSemantics.hasOwnProperty(ResponsePath.parent(body, "articles[0].title"), "title")).isTrue();
    assertThat(JsSemantics.hasOwnProperty(ResponsePath.parent(json("[1]"), "user"), "user")).isFalse();
  }

  @Test
  void truthinessMatchesJavaScript() throws Exception {
    assertThat(JsSemantics.truthy(json("\"\""))).isFalse();
    assertThat(JsSemantics.truthy(json("0"))).isFalse();
    assertThat(JsSemantics.truthy(json("\"t\""))).isTrue();
    assertThat(JsSemantics.truthy(json("[]"))).isTrue();
  }

  @Test
  void variablesAreStoredAsJavaScriptStrings() throws Exception {
    assertThat(JsSemantics.toVariableString(json("42"))).isEqualTo("42");
    assertThat(JsSemantics.toVariableString(json("\"how-to\""))).isEqualTo("how-to");
    assertThat(JsSemantics.toVariableString(json("{}").path("x"))).isNull();
  }
}
