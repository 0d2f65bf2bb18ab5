package dev.decaybench.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.decaybench.model.result.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad apps and bad set-ups: each gives a result with the right facts (or a clear harness error)
 * and leaves no process or data directory behind.
 */
class HarnessRobustnessTest {

  @TempDir
  Path tmp;

  private final String marker = "dbmarker" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void missingRunScriptIsAnUnhealthyTrialScoredZero() throws Exception {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Files.writeString(app.resolve("app.py"), "print('no run.sh here')\n");

    TrialResult r = evaluate(app, 3_000, 1_000);

    assertThat(r.healthy()).isFalse();
    assertThat(r.aPct()).isZero();
    assertThat(r.assertions().failed()).isEqualTo(290);
    assertThat(r.startup().appExitCode()).isEqualTo(127);
    assertThat(r.requests()).allSatisfy(req -> assertThat(req.error()).isEqualTo("connection refused"));
    assertNothingLeft();
  }

  @Test
  void runScriptThatExitsAtOnceIsReportedWithItsExitCode() throws Exception {
    Path app = appWithRunScript("echo 'starting'; echo 'fatal: config missing' >&2; exit 4\n");

    TrialResult r = evaluate(app, 10_000, 1_000);

    assertThat(r.healthy()).isFalse();
    assertThat(r.startup().appExitCode()).isEqualTo(4);
    assertThat(r.startup().healthCheck()).contains("exited");
    assertThat(r.serverLogTail()).contains("fatal: config missing");
    assertNothingLeft();
  }

  @Test
  void portNeverOpenedEndsTheHealthWaitAtItsLimit() throws Exception {
    Path app = appWithRunScript("exec sleep 600 # " + marker + "\n");

    TrialResult r = evaluate(app, 1_500, 500);

    assertThat(r.healthy()).isFalse();
    assertThat(r.startup().healthCheck()).contains("not healthy after 1500 ms");
    assertThat(r.startup().appExitCode()).isNull();
    assertNothingLeft();
  }

  @Test
  void serverThatHangsEveryRequestIsGivenUpOnAfterThreeTimeouts() throws Exception {
    Path app = pythonServer("""
        if self.path.endswith('/health-check'):
            return self.reply(200, b'{}')
        time.sleep(30)
        """);

    TrialResult r = evaluate(app, 10_000, 300);

    assertThat(r.healthy()).isTrue();
    assertThat(r.assertions().passed()).isZero();
    assertThat(r.assertions().total()).isEqualTo(290);
    // three requests wait for their time-out; the rest are not sent, and the result says why
    assertThat(r.requests().subList(0, 3)).allSatisfy(req -> assertThat(req.error()).startsWith("timeout"));
    assertThat(r.requests().subList(3, r.requests().size()))
        .allSatisfy(req -> assertThat(req.error()).contains("stopped answering"));
    assertThat(r.startup().stoppedAnswering()).contains("3 consecutive request time-outs");
    assertNothingLeft();
  }

  @Test
  void gigabyteLogIsKeptAsHeadAndTailOnly() throws Exception {
    Path app = pythonServer("return self.reply(200, b'{}')",
        "head -c 1000000000 /dev/zero | tr '\\0' 'x'; echo; echo LAST-LINE-BEFORE-SERVER\n");

    TrialResult r = evaluate(app, 60_000, 1_000);

    assertThat(r.startup().logBytes()).isGreaterThan(1_000_000_000L);
    assertThat(r.startup().logTruncated()).isTrue();
    assertThat(Files.size(tmp.resolve("out/server.log"))).isLessThan(2_000_000L);
    assertThat(Files.readString(tmp.resolve("out/server.log"))).contains("bytes of log omitted");
    assertThat(r.healthy()).isTrue();
    assertNothingLeft();
  }

  @Test
  void nonUtf8BodiesAreCheckedNotFatal() throws Exception {
    Path app = pythonServer("return self.reply(200, b'\\xff\\xfe{\"user\": \\x80}')");

    TrialResult r = evaluate(app, 10_000, 1_000);

    assertThat(r.healthy()).isTrue();
    // only "Response code is 200" checks can pass: the body never parses
    assertThat(r.requests()).allSatisfy(req -> req.assertions().stream()
        .filter(a -> a.passed()).forEach(a -> assertThat(a.name()).startsWith("Response code")));
    assertThat(r.assertions().passed()).isPositive();
    assertNothingLeft();
  }

  @Test
  void daemonsTheAppForksDieWithTheSandbox() throws Exception {
    Path app = pythonServer("return self.reply(200, b'{}')",
        "setsid nohup sleep 600 " + marker + " >/dev/null 2>&1 &\n"
            + "( ( sleep 700 " + marker + " & ) & )\n");

    TrialResult r = evaluate(app, 10_000, 500);

    assertThat(r.healthy()).isTrue();
    Thread.sleep(300);
    assertThat(Leftovers.processesMentioning(marker)).isEmpty();
    assertNothingLeft();
  }

  @Test
  void theAppNeverSeesTheAgentsKey() throws Exception {
    // surefire gives this JVM DECAYBENCH_API_KEY, as a user's shell would
    Path app = pythonServer("return self.reply(200, b'{}')",
        "echo \"key=[$DECAYBENCH_API_KEY] db=[$DB_PASSWORD]\"\n");

    TrialResult r = evaluate(app, 10_000, 500);

    assertThat(r.serverLogTail()).contains("key=[]").contains("db=[password]")
        .doesNotContain("sk-test-not-a-real-key");
    assertNothingLeft();
  }

  @Test
  void missingPostgresBinariesAreAClearHarnessError() {
    Path app = tmp.resolve("app");
    assertThatThrownBy(() -> new TrialEvaluator().evaluate(
        EvaluationRequest.of(app.getParent(), tmp.resolve("out"), null, null)
            .withPgBin(tmp.resolve("no-such-postgres/bin"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("--pg-bin")
        .hasMessageContaining("holds no executable postgres");
  }

  @Test
  void unknownTaskNameIsAClearError() {
    assertThatThrownBy(() -> new TrialEvaluator().evaluate(
        EvaluationRequest.of(tmp, tmp.resolve("out"), "no-such-task", null)))
        .hasMessageContaining("unknown task no-such-task");
  }

  private TrialResult evaluate(Path app, long healthMillis, long requestMillis) throws IOException {
    return new TrialEvaluator().evaluate(EvaluationRequest.of(app, tmp.resolve("out"), null, null)
        .withTimeouts(healthMillis, requestMillis));
  }

  private void assertNothingLeft() throws IOException {
    assertThat(Leftovers.scratchDirectories()).isEmpty();
    assertThat(Leftovers.processesMentioning(marker)).isEmpty();
  }

  private Path appWithRunScript(String body) throws IOException {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Path run = app.resolve("run.sh");
    Files.writeString(run, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    return app;
  }

  private Path pythonServer(String handlerBody) throws IOException {
    return pythonServer(handlerBody, "");
  }

  /** A stdlib HTTP server on $PORT whose every request runs {@code handlerBody}. */
  private Path pythonServer(String handlerBody, String beforeStart) throws IOException {
    Path app = appWithRunScript(beforeStart + "exec python3 server.py " + marker + "\n");
    String indented = handlerBody.strip().replace("\n", "\n        ");
    Files.writeString(app.resolve("server.py"), """
        import os, sys, time
        from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

        class H(BaseHTTPRequestHandler):
            def reply(self, code, body):
                self.send_response(code)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def handle_any(self):
                n = int(self.headers.get('Content-Length') or 0)
                if n:
                    self.rfile.read(n)
                %s

            do_GET = do_POST = do_PUT = do_DELETE = handle_any

            def log_message(self, *args):
                pass

        ThreadingHTTPServer.daemon_threads = True
        ThreadingHTTPServer(('0.0.0.0', int(os.environ.get('PORT', '8080'))), H).serve_forever()
        """.formatted(indented));
    return app;
  }
}
