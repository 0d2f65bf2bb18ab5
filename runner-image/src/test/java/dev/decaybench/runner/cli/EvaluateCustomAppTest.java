package dev.decaybench.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.engine.ResultSchema;
import dev.decaybench.runner.engine.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} for apps that are no built-in task, and set-ups that fail, as the console shows them. */
class EvaluateCustomAppTest {

  @TempDir
  Path tmp;

  @Test
  void aFailedSetupIsPrintedWithCommandExitCodeAndOutputAndIsNoSuccess() throws Exception {
    Path out = tmp.resolve("out");
    String setup = "echo fetching left-pad; echo 'E404 left-pad@99.0.0 not found' >&2; exit 7";

    CliRun c = CliRun.of("evaluate", "--app",
        TestApps.reference(TestApps.FLASK).toString(), "--out", out.toString(), "--task", TestApps.FLASK_TASK,
        "--setup", setup, "--no-extended");

    assertThat(c.code()).isZero();
    assertThat(c.out()).contains("SET-UP FAILED").doesNotContain("SUCCESS")
        .contains("set-up command failed (exit code 7): " + setup)
        .contains("| fetching left-pad").contains("| E404 left-pad@99.0.0 not found")
        .contains(out.resolve("setup.log").toString())
        .contains("failure server_startup_failure (rule setup-failed)");
    TrialResult r = Json.mapper().readValue(out.resolve("result.json").toFile(), TrialResult.class);
    assertThat(r.aPct()).as("the app still ran and answered").isEqualTo(100.0);
    assertThat(r.success()).isFalse();
    assertThat(r.startup().setup()).singleElement().satisfies(cmd -> {
      assertThat(cmd.exitCode()).isEqualTo(7);
      assertThat(cmd.outputTail()).contains("E404 left-pad@99.0.0 not found");
    });
    assertThat(r.failure().rule()).isEqualTo("setup-failed");
    assertThat(r.failure().evidence()).anyMatch(e -> e.contains("E404 left-pad@99.0.0 not found"));
    assertThat(ResultSchema.problems(out.resolve("result.json"))).isEmpty();
  }

  @Test
  void aSetupThatCannotReachItsRegistryIsInfrastructureNotTheApps() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("node-app"));
    Files.writeString(app.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\","
        + " \"dependencies\": {\"express\": \"^4.19.0\"}}");
    Path out = tmp.resolve("out");

    // .invalid never resolves (RFC 2606): the registry is unreachable whatever the machine's network
    CliRun c = CliRun.of("evaluate", "--app", app.toString(), "--out", out.toString(),
        "--setup", "npm install --registry http://registry.invalid/ --fetch-retries 0 --no-audit --no-fund",
        "--no-extended", "--health-timeout", "2", "--request-timeout", "1");

    assertThat(c.code()).as(c.err()).isZero();
    TrialResult r = Json.mapper().readValue(out.resolve("result.json").toFile(), TrialResult.class);
    assertThat(r.failure().rule()).as(r.failure().evidence().toString()).isEqualTo("setup-unreachable");
    assertThat(r.failure().coarse()).isEqualTo("other");
    assertThat(c.out()).contains("SET-UP FAILED").contains("registry.invalid")
        .contains("unreachable during set-up: not the app's fault");
  }

  @Test
  void anAppWithoutATaskIsScoredWithTheGivenSetupRunCommandAndPort() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    // healthy only on port 9091 and only after both set-up commands ran, in order
    Files.writeString(app.resolve("server.py"), """
        import http.server, pathlib
        class H(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                ok = pathlib.Path('b.txt').read_text().strip() == 'one two'
                self.send_response(200 if ok and self.path.endswith('/health-check') else 404)
                self.send_header('Content-Length', '0')
                self.end_headers()
            do_POST = do_PUT = do_DELETE = do_GET
            def log_message(self, *a):
                pass
        http.server.ThreadingHTTPServer(('0.0.0.0', 9091), H).serve_forever()
        """);
    Path out = tmp.resolve("out");

    CliRun c = CliRun.of("evaluate", "--app", app.toString(), "--out", out.toString(),
        "--setup", "echo one > a.txt", "--setup", "echo \"$(cat a.txt) two\" > b.txt",
        "--run", "exec python3 server.py", "--port", "9091", "--sandbox", "namespaces",
        "--no-extended", "--health-timeout", "20", "--request-timeout", "2");

    assertThat(c.code()).as(c.err()).isZero();
    TrialResult r = Json.mapper().readValue(out.resolve("result.json").toFile(), TrialResult.class);
    assertThat(r.healthy()).as(r.startup().healthCheck()).isTrue();
    assertThat(r.sandbox().appPort()).isEqualTo(9091);
    assertThat(r.startup().runCommand()).isEqualTo("exec python3 server.py");
    assertThat(r.startup().setup()).extracting(s -> s.command())
        .containsExactly("echo one > a.txt", "echo \"$(cat a.txt) two\" > b.txt");
    assertThat(r.startup().setupSucceeded()).isTrue();
    assertThat(c.out()).doesNotContain("SET-UP FAILED");
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    CliRun c = CliRun.of("evaluate", "--app", tmp.toString(), "--out",
        tmp.resolve("o").toString(), "--port", "70000");

    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--port must be between 1 and 65535");
  }

  @Test
  void helpSaysWhatHappensWithoutATask() {
    CliRun c = CliRun.of("evaluate", "--help");

    assertThat(c.out()).contains("Without --task", "package.json", "3000", "8080", "./run.sh", "--setup=CMD",
        "--run=CMD", "--port=N");
  }

}
