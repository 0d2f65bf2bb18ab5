package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json (and the templates' own checks) reject bad values with clear messages. */
class SchemaTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("negative replicas", "operator:\n  replicas: -1\n",
            "at '/operator/replicas': minimum: got -1, want 0"),
        Arguments.of("replicas as a string", "operator:\n  replicas: \"3\"\n",
            "at '/operator/replicas': got string, want integer"),
        Arguments.of("unknown watch mode", "watch:\n  mode: everything\n",
            "at '/watch/mode': value must be one of 'namespace', 'namespaces', 'cluster'"),
        Arguments.of("namespaces mode without namespaces", "watch:\n  mode: namespaces\n",
            "at '/watch/namespaces': minItems: got 0, want 1"),
        Arguments.of("a namespace listed twice",
            "watch:\n  mode: namespaces\n  namespaces: [a, a]\n", "at '/watch/namespaces'"),
        Arguments.of("bad namespace name", "watch:\n  mode: namespaces\n  namespaces: [Team_A]\n",
            "at '/watch/namespaces/0'"),
        Arguments.of("image tag with a colon", "images:\n  runner:\n    repository: acme/runner\n"
            + "    tag: \"1.0:python\"\n", "at '/images/runner/tag'"),
        Arguments.of("image tag starting with a dash", "operator:\n  image:\n"
            + "    repository: acme/operator\n    tag: \"-latest\"\n",
            "at '/operator/image/tag'"),
        Arguments.of("repository with upper case", "images:\n  postgres:\n"
            + "    repository: Docker.io/Postgres\n", "at '/images/postgres/repository'"),
        Arguments.of("digest that is not sha256", "operator:\n  image:\n"
            + "    repository: acme/operator\n    digest: md5:abc\n",
            "at '/operator/image/digest'"),
        Arguments.of("unknown key (typo)", "operater:\n  replicas: 2\n",
            "additional properties 'operater' not allowed"),
        Arguments.of("LLM endpoint CIDR that is a hostname", "networkPolicy:\n  llmEndpoints:\n"
            + "    - name: openai\n      cidr: api.openai.com\n      ports: [443]\n",
            "at '/networkPolicy/llmEndpoints/0/cidr'"),
        Arguments.of("LLM endpoint port out of range", "networkPolicy:\n  llmEndpoints:\n"
            + "    - name: openai\n      cidr: 203.0.113.0/24\n      ports: [70000]\n",
            "at '/networkPolicy/llmEndpoints/0/ports/0': maximum: got 70,000, want 65,535"),
        Arguments.of("LLM endpoint without ports", "networkPolicy:\n  llmEndpoints:\n"
            + "    - name: openai\n      cidr: 203.0.113.0/24\n",
            "at '/networkPolicy/llmEndpoints/0': missing property 'ports'"),
        Arguments.of("pod selector without its namespace", "networkPolicy:\n  llmEndpoints:\n"
            + "    - name: x\n      cidr: 203.0.113.0/24\n      podSelector: {app: x}\n"
            + "      ports: [443]\n", "at '/networkPolicy/llmEndpoints/0'"),
        Arguments.of("LLM endpoint with both a CIDR and a namespace", "networkPolicy:\n"
            + "  llmEndpoints:\n    - name: x\n      cidr: 203.0.113.0/24\n      namespace: llm\n"
            + "      ports: [443]\n", "at '/networkPolicy/llmEndpoints/0'"),
        Arguments.of("LLM endpoint with neither a CIDR nor a namespace", "networkPolicy:\n"
            + "  llmEndpoints:\n    - name: x\n      ports: [443]\n",
            "at '/networkPolicy/llmEndpoints/0'"),
        Arguments.of("resource quantity that is not one", "operator:\n  resources:\n"
            + "    limits: {memory: lots}\n", "at '/operator/resources/limits/memory'"),
        Arguments.of("zero parallelism", "trials:\n  globalParallelism: 0\n",
            "at '/trials/globalParallelism': minimum: got 0, want 1"),
        Arguments.of("root user for the operator", "operator:\n  runAsUser: 0\n",
            "at '/operator/runAsUser': minimum: got 0, want 1"),
        Arguments.of("bad scrape interval", "serviceMonitor:\n  interval: 30 seconds\n",
            "at '/serviceMonitor/interval'"),
        Arguments.of("service monitor without the service",
            "serviceMonitor:\n  enabled: true\nmetrics:\n  service:\n    enabled: false\n",
            "serviceMonitor.enabled needs metrics.service.enabled"),
        Arguments.of("the app's uid equal to the evaluator's", "trials:\n  appUid: 10001\n",
            "trials.appUid must differ from trials.runnerUid"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejects(String what, String values, String message) {
    assertThatThrownBy(() -> Chart.template(values, Map.of()))
        .as(what).hasMessageContaining(message);
  }

  @ParameterizedTest(name = "accepts {0}")
  @MethodSource("goodValues")
  void accepts(String what, String values) {
    assertThat(Chart.template(values, Map.of())).contains("kind: Deployment");
  }

  static Stream<Arguments> goodValues() {
    return Stream.of(
        Arguments.of("the non-default values of ChartRenderTest", ChartRenderTest.CUSTOM),
        Arguments.of("numeric cpu quantities", "operator:\n  resources:\n"
            + "    limits: {cpu: 2, memory: 1Gi}\n"),
        Arguments.of("an IPv6 LLM endpoint", "networkPolicy:\n  llmEndpoints:\n"
            + "    - name: v6\n      cidr: 2001:db8::/32\n      ports: [443]\n"),
        Arguments.of("zero replicas (paused)", "operator:\n  replicas: 0\n"));
  }
}
