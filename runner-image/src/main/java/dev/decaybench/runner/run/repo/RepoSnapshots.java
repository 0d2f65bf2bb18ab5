package dev.decaybench.runner.run.repo;

import dev.decaybench.runner.task.TaskDefinition;
import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Git;
import dev.decaybench.runner.util.PreparedOnce;
import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of a feature task's repository at its commit. Each commit is fetched once (a shallow
 * fetch of that one commit) and kept as a plain tree in the cache, keyed by the commit id alone:
 * the id names the content, wherever it came from. Repeats and later runs copy the tree and do
 * not fetch again. A {@link RepoDirectories} entry replaces the URL by a local git repository,
 * or by a plain directory that is used as it is.
 */
public final class RepoSnapshots {

  static final long FETCH_SECONDS = 600;
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
  private static final String TREE = "tree";

  private final Path cache;
  private final RepoDirectories local;

  /** {@code cache}: where snapshots are kept; null for decaybench's cache. */
  public RepoSnapshots(Path cache, RepoDirectories local) {
    this.cache = cache;
    this.local = local;
  }

  /**
   * Snapshots under {@code repos/} of decaybench's cache (DECAYBENCH_CACHE), found when the first
   * feature task needs it: greenfield trials never create the cache (a pod's read-only root has none).
   */
  public static RepoSnapshots inCache(RepoDirectories local) {
    return new RepoSnapshots(null, local);
  }

  private Path cache() throws IOException {
    return cache != null ? cache : CacheDirs.root().resolve("repos");
  }

  /** Writes the repository's files at the task's commit into {@code into}; says where they came from. */
  public String checkout(TaskDefinition.Repo repo, Path into) throws IOException {
    Optional<Path> dir = local.lookup(repo.url());
    if (dir.isPresent() && !isGitRepository(dir.get())) {
      if (!Files.isDirectory(dir.get())) {
        throw new IOException("--repo-dir for " + repo.url() + ": " + dir.get() + " is not a directory");
      }
      Trees.copy(dir.get(), into, Set.of(".git"));
      return "directory " + dir.get();
    }
    String source = dir.map(d -> "file://" + d).orElse(fetchable(repo.url()));
    if (repo.commit() == null || !COMMIT.matcher(repo.commit()).matches()) {
      throw new IOException("the task's repository " + repo.url() + " needs a full 40-character commit id,"
          + " not '" + repo.commit() + "'");
    }
    Path entry = cache().resolve(repo.commit());
    boolean cached = Files.isDirectory(entry.resolve(TREE));
    PreparedOnce.ensure(entry, e -> Files.isDirectory(e.resolve(TREE)),
        staging -> fetch(source, repo.commit(), staging));
    Trees.copy(entry.resolve(TREE), into, Set.of());
    return (cached ? "cached " : "fetched ") + source + " at " + repo.commit();
  }

  /** A shallow fetch of the one commit; a server that refuses fetching by id gets a full fetch. */
  private static void fetch(String source, String commit, Path staging) throws IOException {
    Path git = staging.resolve("repo.git");
    Git.run(staging, 60, "init", "-q", "--bare", git.toString());
    Processes.Completed shallow = Git.attempt(git, FETCH_SECONDS, "fetch", "-q", "--depth", "1", source, commit);
    if (shallow.exitCode() != 0) {
      Processes.Completed full = Git.attempt(git, FETCH_SECONDS, "fetch", "-q", source, "+refs/*:refs/fetched/*");
      if (full.exitCode() != 0) {
        throw new IOException("cannot fetch " + source + " (give a local copy with --repo-dir NAME=DIR"
            + " or spec.tasks.repoDirectories): " + full.output().strip());
      }
    }
    if (Git.attempt(git, 60, "cat-file", "-e", commit + "^{commit}").exitCode() != 0) {
      throw new IOException("commit " + commit + " is not in " + source);
    }
    Path tree = Files.createDirectories(staging.resolve(TREE));
    // checkout, not archive: archive would drop files marked export-ignore
    Git.run(tree, 300, "--git-dir=" + git, "--work-tree=" + tree, "-c", "core.bare=false", "checkout", "-q", "-f", commit, "--", ".");
    Trees.deleteQuietly(git);
  }

  private static boolean isGitRepository(Path dir) {
    return Files.isDirectory(dir.resolve(".git"))
        || (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")));
  }

  /** A local path becomes a file:// URL: git ignores --depth for plain paths. */
  private static String fetchable(String url) {
    if (url.contains("://") || url.matches("[^/]+@[^/]+:.*")) {
      return url;
    }
    return "file://" + Path.of(url).toAbsolutePath().normalize();
  }
}
