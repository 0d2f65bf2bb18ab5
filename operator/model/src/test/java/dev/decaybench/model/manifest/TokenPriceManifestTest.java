package dev.decaybench.model.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.AgentSpec;
import dev.decaybench.model.v1alpha1.AgentType;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.TokenPrice;
import org.junit.jupiter.api.Test;

/** spec.agent.price: optional, both halves, never negative; cost is computed from it (issue 19). */
class TokenPriceManifestTest {

  private static EvaluationRun run(TokenPrice price) {
    AgentSpec agent = new AgentSpec(AgentType.REFERENCE);
    agent.setPrice(price);
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setAgent(agent);
    return new EvaluationRun("r", spec);
  }

  @Test
  void aRunWithoutAPriceIsValid() {
    assertThat(ManifestValidator.validate(run(null))).isEmpty();
  }

  @Test
  void aPriceNeedsBothHalvesAndNoNegativeNumber() {
    assertThat(ManifestValidator.validate(run(new TokenPrice(3.0, 15.0)))).isEmpty();
    assertThat(ManifestValidator.validate(run(new TokenPrice(3.0, null))))
        .containsExactly("spec.agent.price.outputPerMillion: must be a number of at least 0 (got null)");
    assertThat(ManifestValidator.validate(run(new TokenPrice(-1.0, 0.0))))
        .containsExactly("spec.agent.price.inputPerMillion: must be a number of at least 0 (got -1.0)");
  }

  @Test
  void costIsTokensTimesThePricePerMillion() {
    TokenPrice price = new TokenPrice(3.0, 15.0);
    assertThat(price.cost(1_000_000L, 1_000_000L)).isEqualTo(18.0);
    assertThat(price.cost(0L, 0L)).isZero();
  }

  @Test
  void costIsUnknownWhenEitherTokenCountIsUnknown() {
    TokenPrice price = new TokenPrice(3.0, 15.0);
    assertThat(price.cost(null, 10L)).isNull();
    assertThat(price.cost(10L, null)).isNull();
  }

  @Test
  void aManifestReadsItsPriceFromYaml() throws Exception {
    String yaml = """
        apiVersion: decaybench.dev/v1alpha1
        kind: EvaluationRun
        metadata: {name: priced}
        spec:
          agent:
            type: reference
            price: {inputPerMillion: 0.5, outputPerMillion: 1.5}
        """;
    EvaluationRun run = ManifestReader.read(yaml);
    assertThat(run.getSpec().getAgent().getPrice().getOutputPerMillion()).isEqualTo(1.5);
  }
}
