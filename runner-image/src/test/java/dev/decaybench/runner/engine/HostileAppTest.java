package dev.decaybench.runner.engine;

import dev.decaybench.runner.util.Json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.util.CacheDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps written to cheat: each tries one way to forge its score, read a key, or reach the host or
 * another trial, and each is asserted contained. The scorer is this JVM; the app runs in the
 * trial's sandbox.
 */
class HostileAppTest {

  @TempDir
  Path tmp;

  private final String marker = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Path> hostPaths = List.of(Path.of("/tmp/" + marker), Path.of("/root/" + marker),
      Path.of("/var/tmp/" + marker), Path.of("/etc/cron.d/" + marker), Path.of("/usr/bin/" + marker),
      Path.of("/dev/shm/" + marker), Path.of("").toAbsolutePath().resolve(marker));

  @AfterEach
  void clearLimits() {
    System.clearProperty("DECAYBENCH_TRIAL_MEMORY_MB");
    System.clearProperty("DECAYBENCH_TRIAL_PIDS");
    System.clearProperty("DECAYBENCH_TRIAL_FILE_MB");
  }

  @Test
  void aForgedOutcomeFileAndKilledHarnessCannotRaiseTheScore() throws Exception {
    Path app = app("""
        for d in .. ../.. "$OUT" /tmp /dev/shm; do
          echo '{"counts":{"passed":290,"failed":0,"total":290},"healthy":true}' > "$d/pod-outcome.json" 2>/dev/null \\
            && echo "WROTE $d" || echo "DENIED $d"
        done
        kill -9 -1 2>/dev/null
        exit 0
        """.replace("$OUT", tmp.resolve("out").toString()), false);

    TrialResult r = evaluate(app, "flask-openapi-unconstrained");

    assertThat(r.assertions().total()).isEqualTo(290);
    assertThat(r.assertions().passed()).isZero();
    assertThat(r.aPct()).isZero();
    assertThat(r.healthy()).isFalse();
    assertThat(tmp.resolve("out/pod-outcome.json")).doesNotExist();
    assertThat(Path.of("/tmp/pod-outcome.json")).doesNotExist();
  }

  @Test
  void theAppIsUnprivilegedAndCannotWriteAnythingOfTheHosts() throws Exception {
    Path input = tmp.resolve("app");
    StringBuilder attempts = new StringBuilder("echo \"UID=$(id -u)\"\n"
        + "grep CapEff /proc/self/status\n");
    List<Path> targets = new java.util.ArrayList<>(hostPaths);
    targets.addAll(List.of(input.resolve("run.sh"), tmp.resolve("out").resolve(marker),
        CacheDirs.root().resolve(marker), Path.of("/proc/sys/kernel/core_pattern"),
        Path.of("/sys/fs/cgroup/memory/" + marker)));
    for (Path t : targets) {
      attempts.append("(echo x >> '").append(t).append("') 2>/dev/null && echo 'WROTE ").append(t)
          .append("' || echo 'DENIED ").append(t).append("'\n");
    }
    attempts.append("mkdir /sys/fs/cgroup/memory/").append(marker).append(" 2>/dev/null && echo WROTE-cgroup || echo DENIED-cgroup\n");
    Path app = app(attempts.toString(), true);
    String runBefore = Files.readString(input.resolve("run.sh"));
    String corePattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern"));

    TrialResult r = evaluate(app, "flask-openapi-unconstrained");

    String log = serverLog();
    assertThat(log).contains("UID=").doesNotContain("UID=0\n").contains("CapEff:\t0000000000000000");
    // its private /tmp, /var/tmp and /dev/shm take writes; nothing of the host does
    assertThat(log.lines().filter(l -> l.startsWith("WROTE"))).allSatisfy(l ->
        assertThat(l).matches("WROTE (/tmp|/var/tmp|/dev/shm)/" + marker));
    for (Path t : hostPaths) {
      assertThat(t).as("written on the host").doesNotExist();
    }
    assertThat(CacheDirs.root().resolve(marker)).doesNotExist();
    assertThat(tmp.resolve("out").resolve(marker)).doesNotExist();
    assertThat(Files.readString(input.resolve("run.sh"))).isEqualTo(runBefore);
    assertThat(Files.readString(Path.of("/proc/sys/kernel/core_pattern"))).isEqualTo(corePattern);
    assertThat(r.healthy()).isTrue();
  }

  @Test
  void noKeyReachesTheAppWhateverItsName() throws Exception {
    Path app = app("""
        env
        for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < "$f" 2>/dev/null; done
        echo "PIDS=$(ls -d /proc/[0-9]* | wc -l)"
        """, true);

    evaluate(app, "flask-openapi-unconstrained");

    // surefire gives this JVM all three, as a user's shell or apiKeySecretRef would
    assertThat(serverLog()).doesNotContain("sk-test-not-a-real-key").doesNotContain("sk-secret-ref-value")
        .doesNotContain("sk-plain-name-value").contains("DB_PASSWORD=password");
    int pids = Integer.parseInt(serverLog().replaceAll("(?s).*PIDS=(\\d+).*", "$1"));
    assertThat(pids).as("processes the app can see: its own only").isLessThan(8);
  }

  @Test
  void setupCommandsRunInTheSandboxWithNoHostView() throws Exception {
    Path app = app("", true);
    // something listening on the host's loopback, as another trial's relay or a local service would
    try (java.net.ServerSocket hostService = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      int port = hostService.getLocalPort();
      String setup = "echo \"SETUP-UID=$(id -u)\"; env | grep -c sk- ; cat /proc/1/environ 2>/dev/null | tr '\\0' '\\n' | grep -c sk-;"
          + " echo x > /tmp/" + marker + "-keep && echo x > /dev/shm/" + marker + " && echo TMP-WRITABLE; touch /root/" + marker + " 2>/dev/null || echo SETUP-DENIED;"
          + " for h in 127.0.0.1 10.0.2.2; do (exec 3<>/dev/tcp/$h/" + port + ") 2>/dev/null"
          + " && echo HOST-REACHED-$h || echo HOST-UNREACHABLE-$h; done";
      Path task = taskFile(List.of(setup));

      TrialResult r = evaluate(app, task.toString());

      String setupLog = Files.readString(tmp.resolve("out/setup.log"));
      assertThat(setupLog).contains("HOST-UNREACHABLE-127.0.0.1", "HOST-UNREACHABLE-10.0.2.2")
          .doesNotContain("HOST-REACHED-1");
      assertSetupContained(r);
    }
  }

  /** The database starts while set-up runs (it is faster that way): set-up still cannot reach it. */
  @Test
  void setupCannotReachTheTrialsDatabaseRunningBesideIt() throws Exception {
    Path app = app("", true);
    String setup = "sleep 2; for h in 127.0.0.1 postgres 10.0.2.2; do (exec 3<>/dev/tcp/$h/5432) 2>/dev/null"
        + " && echo PG-REACHED-$h || echo PG-UNREACHABLE-$h; done;"
        + " find /dev/shm /tmp /var/tmp /run -name '.s.PGSQL.*' 2>/dev/null | grep -c PGSQL; true";
    Path task = taskFile(List.of(setup));

    TrialResult r = evaluate(app, task.toString());

    String setupLog = Files.readString(tmp.resolve("out/setup.log"));
    assertThat(r.timings().postgres()).as("the database was up before set-up looked").isLessThan(2000);
    assertThat(setupLog).contains("PG-UNREACHABLE-127.0.0.1", "PG-UNREACHABLE-postgres",
        "PG-UNREACHABLE-10.0.2.2").doesNotContain("\nPG-REACHED").contains("\n0\n");
  }

  private void assertSetupContained(TrialResult r) throws IOException {
    String log = Files.readString(tmp.resolve("out/setup.log"));
    assertThat(log).contains("SETUP-UID=").doesNotContain("SETUP-UID=0\n").contains("SETUP-DENIED")
        .contains("TMP-WRITABLE")
        .doesNotContain("sk-test").contains("0\n0\n");
    assertThat(Path.of("/tmp/" + marker + "-keep")).doesNotExist();
    assertThat(Path.of("/root/" + marker)).doesNotExist();
    assertThat(r.startup().setup()).allSatisfy(c -> assertThat(c.exitCode()).isZero());
  }

  @Test
  void otherTrialsTheCacheAndTheResultsAreInvisible() throws Exception {
    // another trial's scratch directory, as a parallel trial would have it
    Path other = Files.createDirectories(CacheDirs.scratch().resolve("decaybench-trial-" + marker));
    Files.writeString(other.resolve("secret.txt"), "other-trial-data");
    Files.writeString(tmp.resolve("result.json"), "{}");
    try {
      Path app = app("echo \"SHM=[$(ls -A /dev/shm /tmp 2>&1 | tr '\\n' ' ')]\"\n"
          + "cat " + other.resolve("secret.txt") + " 2>&1\n"
          + "ls -A " + CacheDirs.root() + " " + tmp + " /root /home 2>&1\n", true);

      evaluate(app, "flask-openapi-unconstrained");

      String log = serverLog();
      assertThat(log).contains("SHM=[").doesNotContain("other-trial-data").contains("No such file")
          .doesNotContain("pg-template").doesNotContain("postgres-17").doesNotContain("result.json");
      assertThat(log.lines().filter(l -> l.startsWith("SHM=")).findFirst().orElseThrow())
          .doesNotContain(marker);
    } finally {
      dev.decaybench.runner.util.Trees.deleteQuietly(other);
    }
  }

  @Test
  void theAppsRoleOwnsItsDatabaseAndNothingMore() throws Exception {
    Path app = app("", false);
    Files.writeString(app.resolve("probe.py"), """
        import os, psycopg2
        c = psycopg2.connect(os.environ['DATABASE_URL']); c.autocommit = True
        def attempt(name, sql):
            try:
                cur = c.cursor(); cur.execute(sql)
                print('ALLOWED', name, cur.fetchall() if cur.description else '')
            except Exception as e:
                print('REFUSED', name, str(e).splitlines()[0])
        attempt('superuser', "select rolsuper from pg_roles where rolname = current_user")
        attempt('program', "copy (select 1) to program 'touch /tmp/%s'")
        attempt('read-file', "select pg_read_file('/etc/passwd')")
        attempt('template', "alter database template1 set default_transaction_read_only = on")
        attempt('role', "create role intruder superuser")
        attempt('pgcrypto', "create extension if not exists pgcrypto")
        attempt('own-table', "create table mine (id int)")
        """.formatted(marker));
    Files.writeString(app.resolve("run.sh"), "#!/bin/bash\npython3 probe.py\nexec python3 server.py\n");

    evaluate(app, "flask-openapi-unconstrained");

    assertThat(serverLog()).contains("ALLOWED superuser [(False,)]").contains("REFUSED program")
        .contains("REFUSED read-file").contains("REFUSED template").contains("REFUSED role")
        .contains("ALLOWED pgcrypto").contains("ALLOWED own-table");
    assertThat(Path.of("/tmp/" + marker)).doesNotExist();
  }

  @Test
  void runawayMemoryProcessesAndFilesAreStoppedAndReported() throws Exception {
    System.setProperty("DECAYBENCH_TRIAL_MEMORY_MB", "300");
    System.setProperty("DECAYBENCH_TRIAL_PIDS", "64");
    System.setProperty("DECAYBENCH_TRIAL_FILE_MB", "8");
    Path app = app("""
        python3 -c 'x = bytearray(700 << 20); print("ALLOC" + "ATED")' || echo "MEMORY-STOPPED"
        python3 -c '
        import os, time
        n = 0
        try:
            while n < 200:
                if os.fork() == 0:
                    time.sleep(2); os._exit(0)
                n += 1
        except OSError:
            pass
        print("FORKED", n)
        while True:
            try: os.wait()
            except ChildProcessError: break
        '
        head -c 32000000 /dev/zero > big.bin 2>/dev/null; echo "BIG=$(stat -c %s big.bin)"; rm -f big.bin
        """, true);

    TrialResult r = evaluate(app, "flask-openapi-unconstrained");

    assertThat(serverLog()).contains("MEMORY-STOPPED").doesNotContain("ALLOCATED").contains("BIG=8388608");
    int forked = Integer.parseInt(serverLog().replaceAll("(?s).*FORKED (\\d+).*", "$1"));
    assertThat(forked).isLessThan(64);
    assertThat(r.sandbox().limitsHit()).contains("memory", "processes");
    assertThat(r.sandbox().limits()).contains("300 MiB").contains("64 processes");
    assertThat(r.failure().evidence().get(0)).contains("memory and processes limit stopped");
  }

  @Test
  void sourcesSwappedAfterStartAreJudgedAsTheyWere() throws Exception {
    Path app = TestApps.materialize("flask-routes-skip-service", tmp.resolve("variants"));
    Files.copy(TestApps.reference(TestApps.FLASK).resolve("routes/tags.py"), app.resolve(".clean-tags.py"));
    Files.writeString(app.resolve("run.sh"), "#!/usr/bin/env bash\ncd \"$(dirname \"$0\")\"\n"
        + "cp .clean-tags.py routes/tags.py\ncp .clean-tags.py " + app.resolve("routes/tags.py") + " 2>/dev/null\n"
        + "exec /usr/bin/python3 app.py\n");

    TrialResult r = evaluate(app, TestApps.FLASK_TASK);

    assertThat(r.aPct()).isEqualTo(100.0);
    assertThat(r.verifiers()).filteredOn(v -> v.name().equals("import_graph"))
        .allSatisfy(v -> assertThat(v.passed()).as(v.reason()).isFalse());
    assertThat(r.strictAPctPlus()).isZero();
    assertThat(Files.readString(app.resolve("routes/tags.py"))).contains("repositories");
  }

  @Test
  void decaybenchsOwnReferenceAppsCannotBeCopiedIn() throws Exception {
    Path checkout = dev.decaybench.runner.util.Installation.directory().orElseThrow();
    Path source = checkout.resolve("runner-image/src/main/resources/reference-apps/flask-sqlalchemy-postgres");
    Path built = checkout.resolve("runner-image/target/classes/reference-apps/flask-sqlalchemy-postgres");
    assertThat(source).isDirectory();
    Path app = app("for d in '" + source + "' '" + built + "'; do\n"
        + "  if [ -d \"$d\" ]; then cp -r \"$d\"/. . && echo \"COPIED $d\" && exec bash ./run.sh; fi\n"
        + "done\n"
        + "echo MISSING\n", false);

    TrialResult r = evaluate(app, TestApps.FLASK_TASK);

    assertThat(serverLog()).contains("MISSING").doesNotContain("COPIED");
    assertThat(r.aPct()).isZero();
  }

  private TrialResult evaluate(Path app, String task) throws IOException {
    return new TrialEvaluator().evaluate(EvaluationRequest.of(app, tmp.resolve("out"), task, null)
        .withTimeouts(15_000, 1_000));
  }

  private String serverLog() throws IOException {
    return Files.readString(tmp.resolve("out/server.log"));
  }

  /** A server that answers 200 {} to everything, after {@code before} ran in run.sh. */
  private Path app(String before, boolean serve) throws IOException {
    Path app = Files.createDirectories(tmp.resolve("app"));
    Path run = app.resolve("run.sh");
    Files.writeString(run, "#!/bin/bash\n" + before + "\n" + (serve ? "exec python3 server.py " + marker : "") + "\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(app.resolve("server.py"), """
        import os
        from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
        class H(BaseHTTPRequestHandler):
            def any(self):
                n = int(self.headers.get('Content-Length') or 0)
                if n: self.rfile.read(n)
                self.send_response(200); self.send_header('Content-Length', '2'); self.end_headers()
                self.wfile.write(b'{}')
            do_GET = do_POST = do_PUT = do_DELETE = any
            def log_message(self, *a): pass
        ThreadingHTTPServer(('0.0.0.0', int(os.environ['PORT'])), H).serve_forever()
        """);
    return app;
  }

  private Path taskFile(List<String> setup) throws IOException {
    Path task = tmp.resolve("task.json");
    Files.writeString(task, """
        {"name": "hostile-setup", "framework": "flask", "constraints": [], "port": 8080,
         "baseUrl": "/api", "healthcheckEndpoint": "/api/health-check",
         "setupCmds": %s, "runCmds": ["./run.sh"]}
        """.formatted(dev.decaybench.runner.util.Json.mapper().writeValueAsString(setup)));
    return task;
  }
}
