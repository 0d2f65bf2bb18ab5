package dev.decaybench.model.crd;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRDs committed under crds/ must be exactly what the crd-generator plugin writes from the
 * Java model (target/classes/META-INF/fabric8, on the test classpath).
 */
class CrdDriftTest {

  static final String HOW_TO_FIX = "regenerate and commit them: crds/regenerate.sh"
      + " (runs 'mvn -pl operator/model -am process-classes' and copies"
      + " operator/model/target/classes/META-INF/fabric8/*.yml to crds/)";

  @ParameterizedTest
  @ValueSource(strings = {CrdSchemaValidator.EVALUATION_RUNS_CRD,
      CrdSchemaValidator.EVALUATION_TRIALS_CRD})
  void committedCrdMatchesTheGeneratedOne(String resource) throws IOException {
    String generated;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        fail(resource + " was not generated: run 'mvn -pl operator/model process-classes' (the"
            + " crd-generator-maven-plugin runs in process-classes)");
        return;
      }
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String fileName = Path.of(resource).getFileName().toString();
    Path committed = crdsDirectory().resolve(fileName);
    if (!Files.exists(committed)) {
      fail("crds/" + fileName + " is missing; " + HOW_TO_FIX);
    }
    List<String> want = generated.lines().toList();
    List<String> have = Files.readString(committed).lines().toList();
    for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
      String w = i < want.size() ? want.get(i) : "<end of file>";
      String h = i < have.size() ? have.get(i) : "<end of file>";
      if (!w.equals(h)) {
        fail("crds/" + fileName + " differs from the CRD generated from the Java model at line "
            + (i + 1) + ":\n  committed: " + h + "\n  generated: " + w + "\n" + HOW_TO_FIX);
      }
    }
  }

  /** The repository's crds/ directory, found from the module's working directory upwards. */
  static Path crdsDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("crds")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir.resolve("crds");
      }
    }
    throw new AssertionError("no crds/ directory above " + Path.of("").toAbsolutePath());
  }
}
