package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.RunAs;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

/**
 * One trial's scratch directory: the workspace the app runs in, a home for set-up and app,
 * PostgreSQL's data, and the scorer's sockets. Only the first two are ever visible to code the
 * trial brought.
 */
public record TrialScratch(Path root) {

  public static TrialScratch create(Path root) throws IOException {
    TrialScratch s = new TrialScratch(root);
    // PostgreSQL (nobody) and the trial's uid must traverse the root; nobody may list it.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
    Files.createDirectories(s.home());
    seedNpmCache(s.home());
    Files.createDirectories(s.sockets());
    Files.setPosixFilePermissions(s.sockets(), PosixFilePermissions.fromString("rwx------"));
    if (RunAs.isRoot()) {
      UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName(Integer.toString(RunAs.NOBODY));
      Files.setOwner(s.sockets(), nobody);
    }
    return s;
  }

  /**
   * A Node image may carry an npm cache of the usual dependencies (DECAYBENCH_NPM_SEED, read-only):
   * the trial's own cache starts as a copy, so `npm install --prefer-offline` needs no registry
   * for them, as on a cluster whose NetworkPolicy allows no egress.
   */
  private static void seedNpmCache(Path home) throws IOException {
    String seed = System.getenv("DECAYBENCH_NPM_SEED");
    if (seed != null && !seed.isBlank() && Files.isDirectory(Path.of(seed))) {
      Trees.copy(Path.of(seed), home.resolve(".npm"), java.util.Set.of());
    }
  }

  public Path workspace() {
    return root.resolve("workspace");
  }

  public Path home() {
    return root.resolve("home");
  }

  public Path pgData() {
    return root.resolve("pgdata");
  }

  Path sockets() {
    return root.resolve("sockets");
  }

  Path hostsFile() {
    return root.resolve("hosts");
  }

  Path resolvConf() {
    return root.resolve("resolv.conf");
  }

  /** Gives the workspace and home to {@code uid}. */
  void handTo(int uid) throws IOException {
    RunAs.handTo(uid, workspace(), home());
  }
}
