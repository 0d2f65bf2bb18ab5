package dev.decaybench.runner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json prices the tokens with the manifest's price and adds up the run's cost (issue 19). */
class RunUsageReportTest {

  @TempDir
  Path tmp;

  static final String PRICED_SPEC = """
      {"agent": {"type": "llm", "model": "m", "price": {"inputPerMillion": 3.0, "outputPerMillion": 15.0}}}""";

  /** Every trial of run A spent 1000 prompt and 200 completion tokens in 2 calls. */
  private Path runWithUsage() throws Exception {
    return withUsage(SyntheticRuns.runA(tmp));
  }

  static Path withUsage(Path run) throws Exception {
    try (Stream<Path> files = Files.walk(run.resolve("trials"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("trial.json")).toList()) {
        ObjectNode info = (ObjectNode) Json.mapper().readTree(f.toFile());
        ObjectNode outcome = info.has("agentOutcome") ? (ObjectNode) info.get("agentOutcome")
            : info.putObject("agentOutcome");
        outcome.put("agentMs", 100);
        outcome.putObject("usage").put("promptTokens", 1000).put("completionTokens", 200).put("llmCalls", 2);
        Json.mapper().writeValue(f.toFile(), info);
      }
    }
    return run;
  }

  private JsonNode write(Path run, String spec) throws Exception {
    ReportWriter.writeAll(run, new RunMetadata("run-a", "llm", "m", "constraint-decay", 2, null, null, null,
        spec == null ? null : Json.mapper().readTree(spec)));
    return Json.mapper().readTree(run.resolve(RunFile.FILE_NAME).toFile());
  }

  @Test
  void pricesEachTrialAndTotalsTokensCostAndCostPerSuccess() throws Exception {
    JsonNode runJson = write(runWithUsage(), PRICED_SPEC);

    JsonNode usage = runJson.get("usage").get("overall");
    int trials = usage.get("trials").asInt();
    int successes = usage.get("successes").asInt();
    assertThat(trials).isPositive();
    assertThat(successes).isPositive();
    assertThat(usage.get("promptTokens").asLong()).isEqualTo(1000L * trials);
    assertThat(usage.get("completionTokens").asLong()).isEqualTo(200L * trials);
    assertThat(usage.get("llmCalls").asLong()).isEqualTo(2L * trials);
    // (1000 x 3 + 200 x 15) / 1e6 = 0.006 per trial
    assertThat(usage.get("cost").asDouble()).isCloseTo(0.006 * trials, within(1e-9));
    assertThat(usage.get("costPerSuccess").asDouble()).isCloseTo(0.006 * trials / successes, within(1e-9));
    assertThat(usage.get("tokensPerSuccess").asDouble()).isCloseTo(1200.0 * trials / successes, within(1e-9));
    assertThat(runJson.get("trials").get(0).get("usage").get("cost").asDouble()).isCloseTo(0.006, within(1e-12));
  }

  @Test
  void aRunRebuiltFromRunJsonAloneKeepsItsTrialsUsage() throws Exception {
    Path run = runWithUsage();
    JsonNode before = write(run, PRICED_SPEC).get("usage");
    try (Stream<Path> files = Files.walk(run.resolve("trials"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    ReportWriter.writeAll(run, null);
    JsonNode after = Json.mapper().readTree(run.resolve(RunFile.FILE_NAME).toFile()).get("usage");

    assertThat(after).isEqualTo(before);
    assertThat(after.get("overall").get("cost").asDouble()).isPositive();
  }

  @Test
  void showsTokensButNoCostWithoutAPrice() throws Exception {
    JsonNode usage = write(runWithUsage(), null).get("usage").get("overall");

    assertThat(usage.has("promptTokens")).isTrue();
    assertThat(usage.has("cost")).isFalse();
    assertThat(usage.has("costPerSuccess")).isFalse();
  }

  @Test
  void leavesTokensAndCostOutWhenNoTrialReportedThem() throws Exception {
    JsonNode usage = write(SyntheticRuns.runA(tmp), PRICED_SPEC).get("usage").get("overall");

    assertThat(usage.has("promptTokens")).isFalse();
    assertThat(usage.has("cost")).isFalse();
    assertThat(usage.get("trials").asInt()).isPositive();
  }

  @Test
  void groupsTokensAndCostPerLevelFrameworkAndVariant() throws Exception {
    JsonNode usage = write(runWithUsage(), PRICED_SPEC).get("usage");

    JsonNode flask = usage.get("perFramework").get("flask");
    JsonNode express = usage.get("perFramework").get("express");
    assertThat(flask.get("trials").asInt() + express.get("trials").asInt())
        .isEqualTo(usage.get("overall").get("trials").asInt());
    assertThat(flask.get("cost").asDouble()).isCloseTo(0.006 * flask.get("trials").asInt(), within(1e-9));
    assertThat(usage.get("perLevel").has("L0")).isTrue();
    assertThat(usage.get("perLevel").get("L0").get("promptTokens").asLong())
        .isEqualTo(1000L * usage.get("perLevel").get("L0").get("trials").asInt());
    assertThat(usage.get("perVariant")).isNotEmpty();
  }

  @Test
  void reportMdShowsCostNextToAPctPerGroup() throws Exception {
    Path run = runWithUsage();
    write(run, PRICED_SPEC);

    String md = Files.readString(run.resolve("report.md"));
    assertThat(md).contains("## What it cost", "| Group | A% | Trials | Successes | Tokens (in / out) |");
    // run A's express trials: 7 counted (one crashed, left out), each 1000 / 200 tokens at 0.006
    assertThat(md).contains("| express | 66.25 | 7 | 4 | 7000 / 1400 | 14 | 0.0420 | 0.0105 | 2100 | 0.7 s |");
  }

  @Test
  void reportMdShowsUnknownTokensAsADashNotZero() throws Exception {
    Path run = SyntheticRuns.runA(tmp);
    write(run, PRICED_SPEC);

    String md = Files.readString(run.resolve("report.md"));
    assertThat(md).containsPattern("\\| all \\| [0-9.]+ \\| [0-9]+ \\| [0-9]+ \\| – \\| – \\| – \\|");
  }

  @Test
  void costStatsCsvHasOneRowPerGroupWithCostNextToAPct() throws Exception {
    Path run = runWithUsage();
    write(run, PRICED_SPEC);

    var lines = Files.readAllLines(run.resolve(CostStatsCsv.FILE_NAME));
    assertThat(lines.get(0)).isEqualTo(CostStatsCsv.HEADER);
    assertThat(lines).contains("framework,express,66.25,7,4,7000,1400,14,0.042000,0.010500,2100.0,0.700,14.000");
    assertThat(lines.get(1)).startsWith("global,all,73.75,13,7,13000,2600,26,0.078000,");
    assertThat(lines).anyMatch(l -> l.startsWith("level,L0,100.00,4,4,"));
    assertThat(lines).anyMatch(l -> l.startsWith("variant,"));
  }

  @Test
  void costStatsCsvLeavesUnknownCellsEmpty() throws Exception {
    Path run = SyntheticRuns.runA(tmp);
    write(run, PRICED_SPEC);

    assertThat(Files.readAllLines(run.resolve(CostStatsCsv.FILE_NAME)).get(1)).startsWith("global,all,73.75,13,7,,,,,,,");
  }
}
