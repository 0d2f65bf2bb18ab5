package dev.decaybench.runner.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.decaybench.model.result.AssertionResult;
import dev.decaybench.model.result.RequestResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state one suite run carries from request to request (the Postman globals: token, slug,
 * commentId) and the soft assertions of the request in flight. A check never stops the checks
 * after it; a request without an answer fails every one of its checks.
 */
public final class SuiteSession {

  private static final ThreadLocal<SuiteSession> CURRENT = new ThreadLocal<>();
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int BODY_EXCERPT = 300;

  private final String apiUrl;
  private final HttpCaller http;
  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, List<RequestResult>> completed = new java.util.LinkedHashMap<>();
  private final Map<String, String> suiteOfFeature;
  private final SuiteListener listener;
  private String currentSuite = "default";

  private String requestName;
  private String method;
  private String path;
  private HttpCaller.Exchange exchange;
  private JsonNode body;
  private List<AssertionResult> assertions = new ArrayList<>();

  public SuiteSession(String apiUrl, HttpCaller http, Map<String, String> initialVariables,
      Map<String, String> suiteOfFeature) {
    this(apiUrl, http, initialVariables, suiteOfFeature, SuiteListener.NONE);
  }

  /** @param listener told when each suite starts and each request is done */
  public SuiteSession(String apiUrl, HttpCaller http, Map<String, String> initialVariables,
      Map<String, String> suiteOfFeature, SuiteListener listener) {
    this.listener = listener;
    this.apiUrl = apiUrl;
    this.http = http;
    this.variables.putAll(initialVariables);
    this.suiteOfFeature = Map.copyOf(suiteOfFeature);
  }

  /** Called before each scenario: its feature file decides which suite its checks count for. */
  public void enterFeature(String featureUri) {
    String suite = suiteOfFeature.entrySet().stream()
        .filter(e -> featureUri.endsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("default");
    if (!suite.equals(currentSuite)) {
      listener.suiteStarts(suite);
    }
    currentSuite = suite;
  }

  public static void bind(SuiteSession session) {
    CURRENT.set(session);
  }

  public static void unbind() {
    CURRENT.remove();
  }

  public static SuiteSession current() {
    SuiteSession session = CURRENT.get();
    if (session == null) {
      throw new IllegalStateException("no suite session bound to this thread");
    }
    return session;
  }

  /** @param tokenVariable the variable holding the token to send, or null for none */
  public void send(String name, String method, String pathTemplate, String bodyTemplate,
      String tokenVariable) {
    this.requestName = name;
    this.method = method;
    // An unresolved {{slug}} goes out percent-encoded, as Postman sends it.
    this.path = substitute(pathTemplate).replace("{", "%7B").replace("}", "%7D")
        .replace(" ", "%20");
    this.assertions = new ArrayList<>();
    String authorization = tokenVariable == null ? null : substitute("Token {{" + tokenVariable + "}}");
    String requestBody = bodyTemplate == null ? null : substitute(bodyTemplate);
    this.exchange = http.send(method, apiUrl + path, requestBody, authorization);
    this.body = parse(exchange.body());
  }

  /**
   * Records one check; {@code check} is evaluated only when an answer came back. In the paper's
   * suite the check takes the collection's name, decaybench's wording kept beside it.
   */
  public void check(String wording, java.util.function.Predicate<JsonNode> check, String expected) {
    String name = currentSuite.equals(ConduitSuite.PAPER.name()) ? CollectionWording.of(wording) : wording;
    String decaybenchName = name.equals(wording) ? null : wording;
    if (exchange == null) {
      assertions.add(new AssertionResult(name, false, "no request was sent", decaybenchName));
      return;
    }
    if (exchange.status() == null) {
      assertions.add(new AssertionResult(name, false, "no response: " + exchange.error(), decaybenchName));
      return;
    }
    boolean passed;
    try {
      passed = check.test(body);
    } catch (RuntimeException e) {
      passed = false;
    }
    assertions.add(new AssertionResult(name, passed,
        passed ? null : expected + " (HTTP " + exchange.status() + ", body: " + excerpt() + ")",
        decaybenchName));
  }

  public Integer status() {
    return exchange == null ? null : exchange.status();
  }

  /** Postman's {@code pm.globals.set(name, value)}; undefined leaves {{name}} unresolved. */
  public void remember(String variable, JsonNode value) {
    String text = JsSemantics.toVariableString(value);
    if (text == null) {
      variables.remove(variable);
    } else {
      variables.put(variable, text);
    }
  }

  public String variable(String name) {
    return variables.get(name);
  }

  public JsonNode body() {
    return body;
  }

  /** Closes the request in flight; returns its failed checks for the scenario's verdict. */
  public RequestResult finishRequest() {
    if (requestName == null) {
      return null;
    }
    RequestResult result = new RequestResult(requestName, method, path,
        exchange == null ? null : exchange.status(), exchange == null ? "not sent" : exchange.error(),
        exchange == null ? 0 : exchange.durationMs(), List.copyOf(assertions));
    completed.computeIfAbsent(currentSuite, k -> new ArrayList<>()).add(result);
    listener.requestDone(currentSuite, result);
    requestName = null;
    exchange = null;
    return result;
  }

  public List<RequestResult> completed(String suite) {
    return List.copyOf(completed.getOrDefault(suite, List.of()));
  }

  public Map<String, String> variables() {
    return Map.copyOf(variables);
  }

  /** Resolves {{variables}} in expected values written in the features. */
  public String substitute(String template) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Reads a typical answer and checks it the way the steps do, to load that code early. */
  static void warmUp() {
    JsonNode body = parse("{\"user\":{\"email\":\"a@b.c\",\"token\":\"t\",\"username\":\"u\",\"bio\":null}}"
        .getBytes(StandardCharsets.UTF_8));
    JsSemantics.hasOwnProperty(ResponsePath.parent(body, "user.email"), "email");
    JsSemantics.truthy(ResponsePath.value(body, "user.token"));
    CollectionWording.of("Response contains \"user\" property");
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return JsonNodeFactory.instance.objectNode();
    }
    try {
      JsonNode node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      return node == null ? JsonNodeFactory.instance.objectNode() : node;
    } catch (JsonProcessingException e) {
      return JsonNodeFactory.instance.objectNode();  // the scripts fall back to {}
    }
  }

  private String excerpt() {
    String text = new String(exchange.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "...";
  }
}
