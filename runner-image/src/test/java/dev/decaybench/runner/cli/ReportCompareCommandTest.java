package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.report.ReportWriter;
import dev.decaybench.runner.report.RunMetadata;
import dev.decaybench.runner.report.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decaybench report} and {@code decaybench compare} on synthetic run directories. */
class ReportCompareCommandTest {

  @TempDir
  Path tmp;


  @Test
  void reportRebuildsTheFourFiles() throws Exception {
    Path run = SyntheticRuns.runA(tmp.resolve("a"));
    CliRun o = CliRun.of("report", run.toString());
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("13 trials of 8 tasks: A% 73.75, strict A% 63.75, 7 successes")
        .contains("warning: zz-unfinished: not finished").contains("wrote ").contains("report.html");
    for (String f : new String[] {"run.json", "global_stats.csv", "report.md", "report.html"}) {
      assertThat(run.resolve(f)).isRegularFile();
    }
  }

  @Test
  void reportKeepsTheMetadataOfAnExistingRunJson() throws Exception {
    Path run = SyntheticRuns.runA(tmp.resolve("a"));
    ReportWriter.writeAll(run, new RunMetadata("nightly", "llm", "gpt-x", "constraint-decay", 3, null, null, null, null));
    assertThat(CliRun.of("report", run.toString()).code()).isZero();
    JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
    assertThat(json.get("metadata").get("model").asText()).isEqualTo("gpt-x");
    assertThat(json.get("metrics").get("k").asInt()).isEqualTo(3); // the configured repeats
    assertThat(Files.readString(run.resolve("global_stats.csv"))).contains("\nllm,gpt-x,global,all,,");
  }

  @Test
  void reportOnAMissingDirectoryIsOneLineAndExitCode3() throws Exception {
    CliRun o = CliRun.of("report", tmp.resolve("nope").toString());
    assertThat(o.code()).isEqualTo(3);
    assertThat(o.err().strip()).startsWith("decaybench: run directory").contains("does not exist")
        .doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void compareShowsMatchedPairDifferencesAsATable() throws Exception {
    Path a = SyntheticRuns.runA(tmp.resolve("a"));
    Path b = SyntheticRuns.runB(tmp.resolve("b"));
    CliRun o = CliRun.of("compare", a.toString(), b.toString());
    assertThat(o.code()).isZero();
    // matched: 7 tasks (express L3 only in A, koa only in B); only flask L2 changed: 50 -> 100 (+50)
    // (crashed trials are left out: flask L2 is 50 in A, flask L3 80 in both)
    // A over the matched tasks = 590/7 = 84.29, B = 640/7 = 91.43;
    // differences (50, 0 x 6): mean 50/7 = 7.14, SE = 50/7 too (one non-zero difference among m)
    assertThat(o.out()).contains("7 tasks in both; left out: 1 only in A, 1 only in B")
        .containsPattern("overall\\s+7\\s+84\\.29\\s+91\\.43\\s+\\+7\\.14\\s+7\\.14")
        // L2: flask +50, express 0 -> +25.00 +- 25.00
        .containsPattern("L2\\s+2\\s+65\\.00\\s+90\\.00\\s+\\+25\\.00\\s+25\\.00")
        // L3: only flask matched -> one task, no SE
        .containsPattern("L3\\s+1\\s+80\\.00\\s+80\\.00\\s+\\+0\\.00\\s+-")
        .containsPattern("flask\\s+4\\s+81\\.25\\s+93\\.75\\s+\\+12\\.50");
  }

  @Test
  void compareAsJson() throws Exception {
    CliRun o = CliRun.of("compare", SyntheticRuns.runA(tmp.resolve("a")).toString(), SyntheticRuns.runB(tmp.resolve("b")).toString(),
        "--format", "json");
    assertThat(o.code()).isZero();
    JsonNode json = Json.mapper().readTree(o.out());
    assertThat(json.get("matchedTasks").asInt()).isEqualTo(7);
    assertThat(json.get("perLevel").get("L2").get("deltaAPct").asDouble()).isEqualTo(25.0);
    assertThat(json.get("onlyInB").get(0).asText()).isEqualTo("koa-openapi-unconstrained");
  }

  @Test
  void compareErrorsAreOneLine() throws Exception {
    Path a = SyntheticRuns.runA(tmp.resolve("a"));
    CliRun missing = CliRun.of("compare", a.toString(), tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err().strip()).contains("does not exist").doesNotContain("\n");
    Files.createDirectories(tmp.resolve("empty"));
    CliRun empty = CliRun.of("compare", a.toString(), tmp.resolve("empty").toString());
    assertThat(empty.code()).isEqualTo(3);
    assertThat(empty.err().strip()).contains("has no trials").doesNotContain("\n");
    assertThat(CliRun.of("compare", a.toString(), a.toString(), "--format", "xml").code()).isEqualTo(2);
  }


}
