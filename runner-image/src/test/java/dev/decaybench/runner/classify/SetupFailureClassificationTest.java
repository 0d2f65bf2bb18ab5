package dev.decaybench.runner.classify;

import static dev.decaybench.runner.classify.ClassifierFixtures.ALL_PASSED;
import static dev.decaybench.runner.classify.ClassifierFixtures.NO_CSV;
import static dev.decaybench.runner.classify.ClassifierFixtures.allUnanswered;
import static dev.decaybench.runner.classify.ClassifierFixtures.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.result.AssertionCounts;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.StartupInfo;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.classify.input.TrialEvidence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed set-up is the harness's when the network or a registry was unreachable, else the app's. */
class SetupFailureClassificationTest {

  private static final FailureClassifier CLASSIFIER = new FailureClassifier();

  @Test
  void pipThatCannotReachTheIndexIsInfrastructure() {
    FailureClass f = classify(NO_CSV, "pip install -r requirements.txt", """
        WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection \
        broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed \
        to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/
        ERROR: Could not find a version that satisfies the requirement flask (from versions: none)
        ERROR: No matching distribution found for flask""");

    assertThat(f.rule()).isEqualTo("setup-unreachable");
    assertThat(f.coarse()).isEqualTo("other");
    assertThat(f.evidence()).anyMatch(e -> e.contains("setup command failed (exit 1): pip install"))
        .anyMatch(e -> e.contains("Failed to establish a new connection"))
        .anyMatch(e -> e.contains("not the agent's"));
  }

  @Test
  void npmWhoseRegistryNameDoesNotResolveIsInfrastructure() {
    FailureClass f = classify(NO_CSV, "npm install", """
        npm error code EAI_AGAIN
        npm error syscall getaddrinfo
        npm error errno EAI_AGAIN
        npm error request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org""");

    assertThat(f.rule()).isEqualTo("setup-unreachable");
  }

  @Test
  void aRegistryAnsweringServiceUnavailableIsInfrastructure() {
    FailureClass f = classify(NO_CSV, "npm install",
        "npm ERR! 503 Service Unavailable - GET https://registry.npmjs.org/sequelize");

    assertThat(f.rule()).isEqualTo("setup-unreachable");
  }

  @Test
  void poetryThatCannotReachPypiIsInfrastructure() {
    FailureClass f = classify(NO_CSV, "poetry install --no-root", """
        Installing dependencies from lock file

        Package operations: 44 installs, 3 updates, 0 removals

          - Installing six (1.16.0)

            | All attempts to connect to pypi.org failed.
            |\s
            | Probable Causes:
            |     - the server is not responding to requests at the moment""");

    assertThat(f.rule()).isEqualTo("setup-unreachable");
    assertThat(f.evidence()).anyMatch(e -> e.contains("All attempts to connect to pypi.org failed"));
  }

  @Test
  void prismaThatCannotDownloadItsEnginesAtInstallTimeIsInfrastructure() {
    // no network error word at all: the engine host answered, but not with the engine
    FailureClass f = classify(allUnanswered(), "npm run prisma:generate", """
        > prisma generate
        Prisma schema loaded from prisma/schema.prisma
        Error: Failed to fetch the engine file at https://binaries.prisma.sh/all_commits/605197351a3c8bdd595af2d2a9bc3025bca48ea2/debian-openssl-3.0.x/libquery_engine.so.node.gz - 403 Forbidden""");

    assertThat(f.rule()).isEqualTo("setup-unreachable");
    assertThat(f.evidence()).anyMatch(e -> e.contains("binaries.prisma.sh"))
        .anyMatch(e -> e.contains("Prisma's engines") && e.contains("not the agent's"));
  }

  @Test
  void aPrismaSchemaErrorIsStillTheAppsSetupFailure() {
    FailureClass f = classify(allUnanswered(), "npm run prisma:generate", """
        Prisma schema loaded from prisma/schema.prisma
        Error: Prisma schema validation - (get-dmmf wasm)
        error: Type "Comment" is neither a built-in type, nor refers to another model""");

    assertThat(f.rule()).isEqualTo("setup-failed");
  }

  @Test
  void aVersionThatDoesNotExistIsTheAppsSetupFailure() {
    FailureClass f = classify(allUnanswered(), "npm install", """
        npm ERR! code ETARGET
        npm ERR! notarget No matching version found for express@99.0.0.
        npm ERR! notarget In most cases you or one of your dependencies are requesting
        npm ERR! notarget a package version that doesn't exist.""");

    assertThat(f.rule()).isEqualTo("setup-failed");
    assertThat(f.coarse()).isEqualTo("server_startup_failure");
    assertThat(f.evidence()).anyMatch(e -> e.contains("No matching version found for express@99.0.0"));
  }

  @Test
  void aRequirementThatDoesNotExistWithoutNetworkErrorsIsTheApps() {
    FailureClass f = classify(NO_CSV, "pip install -r requirements.txt", """
        ERROR: Could not find a version that satisfies the requirement flsk==9.9 (from versions: none)
        ERROR: No matching distribution found for flsk==9.9""");

    assertThat(f.rule()).isEqualTo("setup-failed");
  }

  @Test
  void aMigrationThatCannotReachTheDatabaseIsNotARegistryOutage() {
    FailureClass f = classify(NO_CSV, "npx sequelize-cli db:migrate", """
        ERROR: connect ECONNREFUSED 127.0.0.1:5432
        Error: connect ECONNREFUSED 127.0.0.1:5432
            at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)""");

    assertThat(f.rule()).isEqualTo("setup-failed");
  }

  @Test
  void aSetupThatFailedIsNamedEvenWhenEveryAssertionPassed() {
    FailureClass f = classify(ALL_PASSED, "exit 7", "");

    assertThat(f.rule()).isEqualTo("setup-failed");
    assertThat(f.evidence()).anyMatch(e -> e.contains("setup command failed (exit 7): exit 7"));
  }

  @Test
  void networkWarningsOfASetupThatSucceededAreIgnored() {
    FailureClass f = CLASSIFIER.classify(sample(NO_CSV)
        .put("setup_log", "npm WARN retry will retry, error on last attempt: Error: getaddrinfo EAI_AGAIN registry.npmjs.org")
        .log("ModuleNotFoundError: No module named 'jwt'").evidence());

    assertThat(f.rule()).isEqualTo("startup-no-answer");
  }

  @Test
  void aResultInMemoryIsClassifiedFromTheFailedCommandsOutputTail() {
    StartupInfo startup = new StartupInfo(List.of(new StartupInfo.CommandOutcome("npm install", 1, 900,
        "failed with exit code 1", "npm ERR! code ECONNREFUSED\nnpm ERR! errno ECONNREFUSED\n"
            + "npm ERR! FetchError: request to https://registry.npmjs.org/express failed, reason: connect"
            + " ECONNREFUSED 104.16.1.35:443")), "./run.sh", 1, "exited", 100, 10, false);
    TrialResult r = TrialResult.builder("custom").constraints(List.of())
        .assertions(new AssertionCounts(0, 290, 290)).startup(startup).requests(List.of())
        .verifiers(List.of()).serverLogTail("Error: Cannot find module 'express'").build();

    FailureClass f = FailureClassifier.withFailureClass(r, null).failure();

    assertThat(f.rule()).isEqualTo("setup-unreachable");
  }

  @Test
  void aDownloadFarAboveTheFailedCommandsTailIsFoundInTheWholeSetupLog() {
    String download = "npm error node-pre-gyp ERR! install request to https://github.com/kelektiv/node.bcrypt.js"
        + "/releases/download/v5.1.0/bcrypt_lib-v5.1.0-napi-v3-linux-x64-glibc.tar.gz failed, reason:"
        + " getaddrinfo ENOTFOUND github.com";
    String tail = "npm error gyp ERR! stack Error: This is most likely not a problem with node-gyp\n"
        + "npm error node-pre-gyp ERR! not ok";
    StartupInfo startup = new StartupInfo(List.of(new StartupInfo.CommandOutcome("npm install", 1, 900,
        "failed with exit code 1", tail)), "npm run develop", 127, "exited", 100, 10, false);
    TrialResult r = TrialResult.builder("express-hard-focused-task-001").constraints(List.of())
        .assertions(new AssertionCounts(0, 290, 290)).startup(startup).requests(List.of())
        .verifiers(List.of()).serverLogTail("sh: 1: dotenv: not found").build();

    assertThat(CLASSIFIER.classify(TrialEvidence.fromResult(r, "sh: 1: dotenv: not found")).rule())
        .isEqualTo("setup-failed");
    assertThat(CLASSIFIER.classify(TrialEvidence.fromResult(r, "sh: 1: dotenv: not found",
        "$ npm install\n" + download + "\n" + tail + "\n[exit 1]\n")).rule()).isEqualTo("setup-unreachable");
  }

  @Test
  void prismaFetchingItsEnginesWhileTheAppStartsIsInfrastructure() {
    FailureClass f = CLASSIFIER.classify(sample(allUnanswered()).put("server_log", """
        > realworld-honojs@1.0.0 prisma:generate
        > prisma generate

        Error: request to https://binaries.prisma.sh/all_commits/605197351a3c8bdd595af2d2a9bc3025bca48ea2/debian-openssl-3.0.x/schema-engine.gz.sha256 failed, reason: getaddrinfo EAI_AGAIN binaries.prisma.sh""")
        .evidence());

    assertThat(f.rule()).isEqualTo("setup-unreachable");
    assertThat(f.evidence()).anyMatch(e -> e.contains("while the app started") && e.contains("not the agent's"));
  }

  private static FailureClass classify(String summary, String command, String setupLog) {
    return CLASSIFIER.classify(sample(summary).put("setup_exit_code", command.equals("exit 7") ? "7" : "1")
        .put("setup_command", command).put("setup_log", setupLog).evidence());
  }
}
