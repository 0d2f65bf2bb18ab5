package dev.decaybench.runner.run.repo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local stand-ins for feature tasks' repositories ({@code --repo-dir NAME=DIR},
 * {@code spec.tasks.repoDirectories}), for machines without network. NAME is the repository's
 * URL as the task gives it or its short name ({@code realworld-flask} for
 * {@code https://github.com/mhegelheimer/realworld-flask.git}); DIR a git repository (a mirror,
 * bare or not) or a plain directory taken as the repository at the task's commit.
 */
public record RepoDirectories(Map<String, Path> byName) {

  public static final RepoDirectories NONE = new RepoDirectories(Map.of());

  public RepoDirectories {
    byName = Map.copyOf(byName);
  }

  /** Reads {@code NAME=DIR} entries; relative directories are taken from {@code base}. */
  public static RepoDirectories parse(List<String> entries, Path base) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (String e : entries == null ? List.<String>of() : entries) {
      int eq = e.indexOf('=');
      if (eq <= 0 || eq == e.length() - 1) {
        throw new IllegalArgumentException("--repo-dir takes NAME=DIR (the repository's URL or short"
            + " name, then a local directory), not '" + e + "'");
      }
      raw.put(e.substring(0, eq), e.substring(eq + 1));
    }
    return of(raw, base);
  }

  /** From a manifest's map of repository name to directory, relative to the manifest's directory. */
  public static RepoDirectories of(Map<String, String> entries, Path base) {
    Map<String, Path> out = new LinkedHashMap<>();
    if (entries != null) {
      entries.forEach((name, dir) -> out.put(name, base.resolve(dir).toAbsolutePath().normalize()));
    }
    return new RepoDirectories(out);
  }

  /** These entries, then {@code other}'s for names these do not have (the command line wins). */
  public RepoDirectories orElse(RepoDirectories other) {
    Map<String, Path> merged = new LinkedHashMap<>(other.byName);
    merged.putAll(byName);
    return new RepoDirectories(merged);
  }

  /** The local directory standing in for {@code url}, matched by full URL first, then short name. */
  public Optional<Path> lookup(String url) {
    Path exact = byName.get(url);
    return exact != null ? Optional.of(exact) : Optional.ofNullable(byName.get(shortName(url)));
  }

  /** {@code realworld-flask} for {@code https://github.com/x/realworld-flask.git} or a path. */
  public static String shortName(String url) {
    String s = url.replaceAll("/+$", "");
    s = s.substring(s.lastIndexOf('/') + 1);
    return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
  }
}
