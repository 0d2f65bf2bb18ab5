package dev.decaybench.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/install.md's values reference is the one generated from values.schema.json. To refresh it:
 * {@code mvn -B -o -pl helm test -Dtest=InstallDocTest -Ddecaybench.writeDocs=true}.
 */
class InstallDocTest {

  @Test
  void valuesTableIsCurrent() throws IOException {
    if (Boolean.getBoolean("decaybench.writeDocs")) {
      ValuesReference.write();
    }
    String doc = Files.readString(ValuesReference.installDoc());
    assertThat(doc).as("docs/install.md is stale: run mvn -B -o -pl helm test"
        + " -Dtest=InstallDocTest -Ddecaybench.writeDocs=true")
        .isEqualTo(ValuesReference.ofChart().update(doc));
  }

  @Test
  void everyValueOfValuesYamlIsInTheTable() {
    String table = ValuesReference.ofChart().table();
    for (String key : new String[] {"watch.mode", "operator.replicas", "operator.image.repository",
        "images.runner", "networkPolicy.llmEndpoints", "serviceMonitor.enabled",
        "dashboards.enabled", "trials.artifacts.existingClaim", "trials.resources.agent"}) {
      assertThat(table).contains("`" + key + "`");
    }
  }
}
