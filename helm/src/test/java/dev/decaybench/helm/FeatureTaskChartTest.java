package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What feature tasks need of the chart: egress to their git hosts and a shared repository cache. */
class FeatureTaskChartTest {

  @Test
  void trialPodsMayReachTheRepositoryHostsAndShareTheRepositoryCache() {
    Chart.Rendered r = Chart.render("""
        trials:
          repoCache:
            existingClaim: decaybench-repos
        networkPolicy:
          llmEndpoints:
            - name: openai
              cidr: 203.0.113.0/24
              ports: [443]
          repositoryHosts:
            - name: github
              cidr: 140.82.112.0/20
              ports: [443, 22]
        """, Map.of());

    NetworkPolicy np = r.as(r.one("NetworkPolicy"), NetworkPolicy.class);
    // DNS, the LLM endpoint, then the git host
    assertThat(np.getSpec().getEgress()).hasSize(3);
    assertThat(np.getSpec().getEgress().get(2).getTo()).singleElement()
        .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("140.82.112.0/20"));
    assertThat(np.getSpec().getEgress().get(2).getPorts()).extracting(p -> p.getPort().getIntVal())
        .containsExactly(443, 22);
    assertThat(OperatorConfig.load(ChartRenderTest.env(r), List.of()).repoCacheClaim())
        .isEqualTo("decaybench-repos");
    assertThat(OperatorConfig.load(ChartRenderTest.env(Chart.render()), List.of()).repoCacheClaim()).isEmpty();
  }
}
