package dev.decaybench.runner.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.decaybench.runner.cli.CliRun;
import dev.decaybench.runner.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code decaybench classify} end to end: inputs, formats, eval, usage errors. */
class ClassifyCommandTest {

  private static final Path DEV = ClassifierFixtures.RESOURCES.resolve("dev");

  @TempDir
  Path tmp;



  @Test
  void trialDirectoriesGiveOneJsonResultEach() throws Exception {
    CliRun r = CliRun.of("classify", DEV.resolve("trials/flask-never-starts").toString(),
        DEV.resolve("trials/flask-missing-comments").toString());
    assertThat(r.code()).isZero();
    JsonNode arr = Json.mapper().readTree(r.out());
    assertThat(arr).hasSize(2);
    assertThat(arr.get(0).path("coarse").asText()).isEqualTo("server_startup_failure");
    assertThat(arr.get(0).path("rule").asText()).isEqualTo("startup-no-answer");
    assertThat(arr.get(0).path("evidence").toString()).contains("flask_cors");
    assertThat(arr.get(1).path("coarse").asText()).isEqualTo("incomplete_implementation");
    assertThat(arr.get(1).path("source").asText()).endsWith("flask-missing-comments");
  }

  @Test
  void samplesInTableFormatKeepTheirOrder() throws Exception {
    Path f = tmp.resolve("s.json");
    Files.writeString(f, "[{\"newman_summary\":\"Profile GET \u2192 404: 6 failed\\nFollow Profile POST \u2192 404: 7 failed"
        + "\\nUnfollow Profile DELETE \u2192 404: 7 failed\"},{\"newman_summary\":\"All Newman assertions passed.\","
        + "\"verifier_summary\":\"ORM: FAILED \u2014 no sequelize\"}]");
    CliRun r = CliRun.of("classify", "--sample", f.toString(), "--format", "table");
    assertThat(r.code()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("SOURCE");
    assertThat(lines[1]).contains("incomplete_implementation").contains("route-group-missing");
    assertThat(lines[2]).contains("constraint_violation");
  }

  @Test
  void newmanReportMode() throws Exception {
    Path report = tmp.resolve("r.json");
    Files.writeString(report, "{\"run\":{\"executions\":[{\"item\":{\"name\":\"All Tags\"},\"request\":{\"method\":\"GET\"},"
        + "\"response\":{\"code\":500},\"assertions\":[{\"assertion\":\"Response code is 200 OK\",\"error\":{\"message\":\"x\"}}]}]}}");
    Path log = tmp.resolve("conduit.log");
    Files.writeString(log, "error: relation \"tags\" does not exist\n");
    Path traj = tmp.resolve("t.txt");
    Files.writeString(traj, "[assistant]\ndone\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT\n```");
    CliRun r = CliRun.of("classify", "--newman-report", report.toString(), "--server-log", log.toString(),
        "--trajectory", traj.toString());
    assertThat(r.code()).isZero();
    JsonNode res = Json.mapper().readTree(r.out()).get(0);
    assertThat(res.path("subcategory").asText()).isEqualTo("database_runtime_error");
    assertThat(res.path("dataLayer").asBoolean()).isTrue();
  }

  @Test
  void evalPrintsAccuracyAndConfusion() {
    CliRun r = CliRun.of("classify", "--eval", DEV.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("coarse accuracy").contains("subcategory accuracy").contains("dataLayer accuracy")
        .contains("coarse confusion").contains("ms/trial");
  }

  @Test
  void usageErrorsExitTwoWithoutStackTrace() {
    CliRun none = CliRun.of("classify");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("exactly one input").doesNotContain("at dev.decaybench");
    CliRun both = CliRun.of("classify", "--sample", "a.json", "--eval", "b");
    assertThat(both.code()).isEqualTo(2);
    CliRun fmt = CliRun.of("classify", "--sample", "a.json", "--format", "xml");
    assertThat(fmt.err()).contains("--format must be json or table");
    CliRun labels = CliRun.of("classify", "--eval", tmp.resolve("missing").toString());
    assertThat(labels.code()).isEqualTo(2);
    assertThat(labels.err()).contains("cannot read labels").doesNotContain("at dev.decaybench");
  }

  @Test
  void missingTrialDirectoryIsStillAClass() throws Exception {
    CliRun r = CliRun.of("classify", tmp.resolve("gone").toString());
    assertThat(r.code()).isZero();
    assertThat(Json.mapper().readTree(r.out()).get(0).path("coarse").asText()).isEqualTo("other");
  }
}
