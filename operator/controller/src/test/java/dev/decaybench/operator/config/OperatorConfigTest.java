package dev.decaybench.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.operator.testing.Crds;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaultsAreUsable() {
    OperatorConfig c = OperatorConfig.defaults();
    assertThat(c.namespaces()).isEmpty();
    assertThat(c.globalParallelism()).isEqualTo(20);
    assertThat(c.maxAttempts()).isEqualTo(3);
    assertThat(c.useSsa()).isTrue();
    assertThat(c.leaderElection()).isFalse();
    assertThat(c.postgresImage()).isEqualTo("postgres:16-alpine");
    assertThat(c.evaluateResources().getLimits()).containsKeys("cpu", "memory");
  }

  @Test
  void flagsWinOverEnvironmentVariables() {
    OperatorConfig c = OperatorConfig.load(
        Map.of("DECAYBENCH_GLOBAL_PARALLELISM", "7", "DECAYBENCH_NAMESPACES", "a, b",
            "DECAYBENCH_USE_SSA", "false", "POD_NAMESPACE", "ops"),
        List.of("--global-parallelism=9", "--image-pull-grace-seconds", "60",
            "--leader-election=true"));
    assertThat(c.globalParallelism()).isEqualTo(9);
    assertThat(c.namespaces()).containsExactlyInAnyOrder("a", "b");
    assertThat(c.useSsa()).isFalse();
    assertThat(c.imagePullGrace()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.leaderElection()).isTrue();
    assertThat(c.leaseNamespace()).isEqualTo("ops");
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("DECAYBENCH_MAX_ATTEMPTS", "0"),
        List.of())).hasMessageContaining("DECAYBENCH_MAX_ATTEMPTS");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of(), List.of("--nope=1")))
        .hasMessageContaining("unknown setting --nope");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("DECAYBENCH_RESOURCES_AGENT",
        "requests.cpu=lots"), List.of())).hasMessageContaining("not a quantity");
    assertThatThrownBy(() -> OperatorConfig.load(Map.of("DECAYBENCH_TOLERATIONS", "{"),
        List.of())).hasMessageContaining("DECAYBENCH_TOLERATIONS");
  }

  @Test
  void theReadmeListsEverySetting() throws Exception {
    String readme = Files.readString(Crds.directory().getParent().resolve("operator/README.md"));
    for (Setting s : Setting.values()) {
      assertThat(readme).as(s.name()).contains("`--" + s.flag() + "`").contains("`" + s.env() + "`");
    }
    assertThat(OperatorConfig.help()).contains("--global-parallelism", "DECAYBENCH_USE_SSA");
  }
}
