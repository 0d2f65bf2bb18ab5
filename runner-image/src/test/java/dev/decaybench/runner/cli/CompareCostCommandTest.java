package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.report.ReportWriter;
import dev.decaybench.runner.report.RunMetadata;
import dev.decaybench.runner.report.SyntheticRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} shows the cost difference next to the A% difference (issue 19). */
class CompareCostCommandTest {

  @TempDir
  Path tmp;

  /** A run whose every trial spent {@code prompt} / {@code completion} tokens, priced 3 / 15 per million. */
  private static Path priced(Path run, int prompt, int completion) throws Exception {
    try (Stream<Path> files = Files.walk(run.resolve("trials"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("trial.json")).toList()) {
        ObjectNode info = (ObjectNode) Json.mapper().readTree(f.toFile());
        ObjectNode outcome = info.has("agentOutcome") ? (ObjectNode) info.get("agentOutcome")
            : info.putObject("agentOutcome");
        outcome.putObject("usage").put("promptTokens", prompt).put("completionTokens", completion);
        Json.mapper().writeValue(f.toFile(), info);
      }
    }
    JsonNode spec = Json.mapper().readTree(
        "{\"agent\":{\"type\":\"llm\",\"price\":{\"inputPerMillion\":3.0,\"outputPerMillion\":15.0}}}");
    ReportWriter.writeAll(run, new RunMetadata(run.getFileName().toString(), "llm", "m", null, 2, null, null, null,
        spec));
    return run;
  }

  @Test
  void showsEachRunsCostAndTheDifferenceAfterTheAPctTable() throws Exception {
    Path a = priced(SyntheticRuns.runA(tmp.resolve("a")), 1000, 200);
    Path b = priced(SyntheticRuns.runB(tmp.resolve("b")), 2000, 400);

    String out = run("compare", a.toString(), b.toString());

    // A: 13 counted trials x 0.006 = 0.0780; B: 14 counted trials x 0.012 = 0.1680
    assertThat(out).contains("A% A", "COST A", "COST B", "PER SUCC A")
        .containsPattern("overall\\s+0\\.0780\\s+0\\.1680\\s+\\+0\\.0900");
    assertThat(out.indexOf("COST A")).isGreaterThan(out.indexOf("A% A"));
  }

  @Test
  void addsEachRunsUsageToTheJson() throws Exception {
    Path a = priced(SyntheticRuns.runA(tmp.resolve("a")), 1000, 200);
    Path b = priced(SyntheticRuns.runB(tmp.resolve("b")), 2000, 400);

    JsonNode json = Json.mapper().readTree(run("compare", a.toString(), b.toString(), "--format", "json"));

    assertThat(json.get("matchedTasks").asInt()).isEqualTo(7);
    assertThat(json.get("usage").get("a").get("overall").get("cost").asDouble()).isCloseTo(0.078, within(1e-9));
    assertThat(json.get("usage").get("b").get("overall").get("cost").asDouble()).isCloseTo(0.168, within(1e-9));
  }

  @Test
  void showsADashWhereARunHasNoCost() throws Exception {
    Path a = SyntheticRuns.runA(tmp.resolve("a"));
    Path b = priced(SyntheticRuns.runB(tmp.resolve("b")), 2000, 400);

    assertThat(run("compare", a.toString(), b.toString())).containsPattern("overall\\s+-\\s+0\\.1680\\s+-");
  }

  private static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    try {
      assertThat(DecaybenchCli.run(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return out.toString();
  }
}
