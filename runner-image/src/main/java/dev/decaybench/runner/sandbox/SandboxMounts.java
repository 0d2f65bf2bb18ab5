package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.CacheDirs;
import dev.decaybench.runner.util.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file-system view of a sandboxed process, as bubblewrap options: the host read-only, its
 * private places (temporary directories, home directories, /run with its sockets, decaybench's
 * cache and outputs, other trials' scratch) replaced by empty ones, then only what this process
 * needs bound back.
 */
final class SandboxMounts {

  /** Replaced by empty tmpfs in every sandbox; /dev/shm is fresh through --dev. */
  private static final List<String> PRIVATE = List.of("/tmp", "/var/tmp", "/run", "/root", "/home",
      "/mnt", "/media", "/srv", "/var/run", "/var/lib", "/var/log", "/var/spool", "/var/mail",
      "/var/cache", "/etc/cron.d", "/etc/ssh");

  private static final List<String> STICKY = List.of("/tmp", "/var/tmp");

  private final List<String> args = new ArrayList<>();
  private final List<Path> masked = new ArrayList<>(List.of(Path.of("/dev")));

  SandboxMounts(List<Path> hidden) throws IOException {
    args.addAll(List.of("--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
        "--perms", "1777", "--tmpfs", "/dev/shm"));
    for (String p : PRIVATE) {
      Path path = Path.of(p);
      if (Files.isDirectory(path) && !Files.isSymbolicLink(path)) {
        // temporary directories stay usable by the unprivileged users, as on any system
        if (STICKY.contains(p)) {
          args.addAll(List.of("--perms", "1777"));
        }
        args.addAll(List.of("--tmpfs", p));
        masked.add(path);
      }
    }
    // decaybench's own files in every sandbox: its cache, and its checkout or installation, whose
    // reference apps an app or agent could otherwise copy and score as if it had written them
    List<Path> all = new ArrayList<>(List.of(CacheDirs.root()));
    Installation.directory().ifPresent(all::add);
    all.addAll(hidden);
    for (Path h : all) {
      if (Files.isDirectory(h) && !underPrivate(h)) {
        args.addAll(List.of("--tmpfs", h.toString()));
        masked.add(h);
      }
    }
    keepResolverReachable();
  }

  /** Name resolution for set-up: /etc/resolv.conf may point into /run. */
  private void keepResolverReachable() {
    try {
      Path real = Path.of("/etc/resolv.conf").toRealPath();
      if (underPrivate(real)) {
        readOnly(real.getParent());
      }
    } catch (java.io.IOException e) {
      // no resolver configured: nothing to keep
    }
  }

  private static boolean underPrivate(Path p) {
    return PRIVATE.stream().anyMatch(root -> p.startsWith(root)) || p.startsWith("/dev");
  }

  SandboxMounts writable(Path dir) {
    reachable(dir);
    args.addAll(List.of("--bind", dir.toString(), dir.toString()));
    return this;
  }

  SandboxMounts readOnly(Path path) {
    reachable(path);
    args.addAll(List.of("--ro-bind", path.toString(), path.toString()));
    return this;
  }

  /**
   * bubblewrap creates missing mount points as 0700 root: inside an emptied directory, the way
   * to a bound path must be made traversable for the unprivileged users.
   */
  private void reachable(Path target) {
    for (Path root : masked) {
      if (target.startsWith(root) && !target.equals(root)) {
        List<Path> parents = new ArrayList<>();
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
          parents.add(0, p);
        }
        parents.forEach(p -> args.addAll(List.of("--perms", "0755", "--dir", p.toString())));
      }
    }
  }

  SandboxMounts file(Path source, String target) {
    args.addAll(List.of("--ro-bind", source.toString(), target));
    return this;
  }

  List<String> args() {
    return List.copyOf(args);
  }
}
