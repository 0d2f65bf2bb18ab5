package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.ClassifierFixtures.line;
import static dev.decaybench.runner.classify.ClassifierFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.classify.input.LogTail;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.model.Taxonomy;
import dev.decaybench.runner.util.Json;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad and odd input: always a class and a reason, never an exception. */
class ClassifierInputTest {

  private final FailureClassifier classifier = new FailureClassifier();

  @TempDir
  Path tmp;

  private static void assertSane(FailureClass f) {
    assertThat(Taxonomy.COARSE).contains(f.coarse());
    assertThat(f.rule()).isNotBlank();
    assertThat(f.evidence()).isNotEmpty();
    assertThat(f.confidence()).isBetween(0.0, 1.0);
    f.evidence().forEach(l -> assertThat(l.chars().noneMatch(c -> c < 0x20 && c != '\t')).as(l).isTrue());
  }

  @Test
  void emptyDirectoryIsOtherWithAReason() {
    FailureClass f = classifier.classify(TrialEvidence.fromTrialDirectory(tmp));
    assertSane(f);
    assertThat(f.coarse()).isEqualTo("other");
    assertThat(f.evidence()).anyMatch(l -> l.contains("no result.json"));
  }

  @Test
  void missingDirectoryAndNullEvidenceAreOther() {
    assertSane(classifier.classify(TrialEvidence.fromTrialDirectory(tmp.resolve("nope"))));
    assertSane(classifier.classify(null));
  }

  @Test
  void resultJsonWithMissingFieldsStillClassifies() throws Exception {
    Files.writeString(tmp.resolve("result.json"),
        "{\"task\":\"flask-x\",\"requests\":[{\"name\":\"Current User\",\"status\":401,"
            + "\"assertions\":[{\"name\":\"user has \\\"email\\\" property\"}]},{\"nonsense\":true}]}");
    FailureClass f = classifier.classify(TrialEvidence.fromTrialDirectory(tmp));
    assertSane(f);
    assertThat(f.subcategory()).isEqualTo("auth_misconfiguration");
  }

  @Test
  void binaryResultJsonFallsBackToTheServerLog() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(tmp.resolve("result.json"), garbage);
    Files.write(tmp.resolve("server.log"), concat(garbage,
        "\nModuleNotFoundError: No module named 'flask_cors'\n".getBytes(StandardCharsets.UTF_8), garbage));
    FailureClass f = classifier.classify(TrialEvidence.fromTrialDirectory(tmp));
    assertSane(f);
    assertThat(f.evidence()).anyMatch(l -> l.contains("result.json unreadable"));
  }

  @Test
  void oneGigabyteLogIsReadFromItsTailOnly() throws Exception {
    Path log = tmp.resolve("server.log");
    byte[] end = "\n[2026-01-01] [ERROR] Worker failed to boot\nSyntaxError: invalid syntax\n".getBytes(StandardCharsets.UTF_8);
    try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "rw")) {
      raf.setLength(1L << 30); // sparse: costs no disk
      raf.seek((1L << 30) - end.length);
      raf.write(end);
    }
    Files.writeString(tmp.resolve("result.json"), "{\"healthy\":false,\"requests\":[{\"name\":\"Register\",\"method\":\"POST\","
        + "\"error\":\"connection refused\",\"assertions\":[{\"name\":\"x\",\"passed\":false}]}]}");
    long t0 = System.nanoTime();
    TrialEvidence e = TrialEvidence.fromTrialDirectory(tmp);
    FailureClass f = classifier.classify(e);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertSane(f);
    assertThat(e.serverLog().length()).isLessThanOrEqualTo(LogTail.MAX_BYTES);
    assertThat(f.coarse()).isEqualTo("server_startup_failure");
    assertThat(f.evidence()).anyMatch(l -> l.contains("SyntaxError"));
    assertThat(ms).as("read and classify a 1 GB log").isLessThan(2000);
  }

  @Test
  void emptyAndTruncatedLogs() {
    assertSane(classifier.classify(sample(line("Create Article", "POST", 500, 13)).log("").evidence()));
    FailureClass f = classifier.classify(sample(line("Create Article", "POST", 500, 13))
        .log("Traceback (most recent call last):\n  File \"/app/x.py\", line 3, in cre").evidence());
    assertSane(f);
    assertThat(f.coarse()).isEqualTo("logic_error");
  }

  @Test
  void unknownFieldsAreIgnoredAndArraysKeepTheirOrder() throws Exception {
    Path file = tmp.resolve("samples.json");
    Files.writeString(file, "[{\"newman_summary\":\"" + ClassifierFixtures.NO_CSV + "\",\"server_log\":\"EADDRINUSE\","
        + "\"colour\":\"blue\",\"nested\":{\"a\":[1,2]}},"
        + "42,"
        + "{\"newman_summary\":\"All Tags GET \u2192 404: 3 failed\",\"trajectory\":[{\"role\":\"assistant\",\"content\":\"hi\"}]}]");
    List<TrialEvidence> es = TrialEvidence.fromSamples(file);
    assertThat(es).hasSize(3);
    List<FailureClass> fs = es.stream().map(classifier::classify).toList();
    fs.forEach(ClassifierInputTest::assertSane);
    assertThat(fs.get(0).coarse()).isEqualTo("server_startup_failure");
    assertThat(fs.get(1).coarse()).isEqualTo("other");
    assertThat(fs.get(1).evidence()).anyMatch(l -> l.contains("not a JSON object"));
    assertThat(fs.get(2).coarse()).isEqualTo("incomplete_implementation");
  }

  @Test
  void unreadableSampleFileIsOther() throws Exception {
    Path file = tmp.resolve("bad.json");
    Files.writeString(file, "{ not json");
    List<TrialEvidence> es = TrialEvidence.fromSamples(file);
    assertThat(es).hasSize(1);
    assertSane(classifier.classify(es.get(0)));
    assertSane(classifier.classify(TrialEvidence.fromSamples(tmp.resolve("missing.json")).get(0)));
  }

  @Test
  void newmanReportExecutionsBecomeRequests() throws Exception {
    Path report = tmp.resolve("newman.json");
    Files.writeString(report, """
        {"run": {"executions": [
          {"item": {"name": "Register"}, "request": {"method": "POST", "url": {"path": ["api", "users"]}},
           "response": {"code": 201}, "assertions": [{"assertion": "Response contains \\"user\\" property"}]},
          {"item": {"name": "Current User"}, "request": {"method": "GET", "url": "http://localhost:8080/api/user"},
           "response": {"code": 401}, "assertions": [{"assertion": "User has \\"email\\" property",
             "error": {"message": "expected false to be truthy"}}]},
          {"item": {"name": "Update User"}, "request": {"method": "PUT", "url": {"path": ["api", "user"]}},
           "response": {"code": 401}, "assertions": [{"assertion": "Response contains \\"user\\" property",
             "error": {"message": "expected false to be truthy"}}]},
          {"item": {"name": "All Tags"}, "request": {"method": "GET", "url": {"path": ["api", "tags"]}},
           "requestError": {"code": "ECONNRESET"}, "assertions": []}
        ]}}""");
    Path log = tmp.resolve("conduit.log");
    Files.writeString(log, "JsonWebTokenError: invalid signature\n");
    TrialEvidence e = TrialEvidence.fromNewmanReport(report, log, null);
    assertThat(e.requests()).hasSize(4);
    assertThat(e.requests().get(1).path()).isEqualTo("/api/user");
    assertThat(e.requests().get(3).status()).isNull();
    assertThat(e.requests().get(3).error()).isEqualTo("ECONNRESET");
    FailureClass f = classifier.classify(e);
    assertThat(f.subcategory()).isEqualTo("auth_misconfiguration");
    assertThat(f.evidence()).anyMatch(l -> l.contains("invalid signature"));
    assertSane(classifier.classify(TrialEvidence.fromNewmanReport(tmp.resolve("none.json"), null, null)));
  }

  @Test
  void resultInMemoryIsClassified() throws Exception {
    TrialResult r = Json.mapper().readValue("{\"schemaVersion\":1,\"task\":\"express-x\",\"success\":false,"
        + "\"healthy\":false,\"requests\":[],\"verifiers\":[],"
        + "\"serverLogTail\":\"Error: Cannot find module 'express'\"}", TrialResult.class);
    FailureClass f = classifier.classify(TrialEvidence.fromResult(r, null));
    assertSane(f);
    assertThat(f.coarse()).isEqualTo("server_startup_failure");
    assertThat(FailureClassifier.withFailureClass(r, null).failure()).isEqualTo(f);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int i = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
