package dev.decaybench.runner.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A control group per trial holding its set-up, app and PostgreSQL, with the trial's limits.
 * Works on cgroup v2 and on v1 (memory, pids and cpu hierarchies, as these machines mount them).
 * Where no writable cgroup file system exists, {@link #create} returns null and the caller says so.
 */
final class TrialCgroup implements AutoCloseable {

  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final String PARENT = "decaybench";

  private final List<Path> groups;
  private final boolean v2;

  private TrialCgroup(List<Path> groups, boolean v2) {
    this.groups = groups;
    this.v2 = v2;
  }

  /** A group named after the trial's scratch directory {@code scratch}. */
  static TrialCgroup create(Path scratch, TrialLimits limits) {
    String name = scratch.getFileName().toString();
    sweepAbandoned(scratch.getParent());
    try {
      return Files.exists(ROOT.resolve("cgroup.controllers")) ? createV2(name, limits) : createV1(name, limits);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static TrialCgroup createV2(String name, TrialLimits limits) throws IOException {
    Path parent = ROOT.resolve(PARENT);
    Files.createDirectories(parent);
    Files.writeString(ROOT.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
    Files.writeString(parent.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
    Path g = Files.createDirectories(parent.resolve(name));
    Files.writeString(g.resolve("memory.max"), Long.toString(limits.memoryBytes()));
    Files.writeString(g.resolve("memory.swap.max"), "0");
    Files.writeString(g.resolve("pids.max"), Integer.toString(limits.processes()));
    if (limits.cpus() > 0) {
      Files.writeString(g.resolve("cpu.max"), (long) (limits.cpus() * 100_000) + " 100000");
    }
    return new TrialCgroup(List.of(g), true);
  }

  private static TrialCgroup createV1(String name, TrialLimits limits) throws IOException {
    Path memory = Files.createDirectories(ROOT.resolve("memory").resolve(PARENT).resolve(name));
    Files.writeString(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
    Path pids = Files.createDirectories(ROOT.resolve("pids").resolve(PARENT).resolve(name));
    Files.writeString(pids.resolve("pids.max"), Integer.toString(limits.processes()));
    List<Path> groups = new ArrayList<>(List.of(memory, pids));
    if (limits.cpus() > 0 && Files.isDirectory(ROOT.resolve("cpu"))) {
      Path cpu = Files.createDirectories(ROOT.resolve("cpu").resolve(PARENT).resolve(name));
      Files.writeString(cpu.resolve("cpu.cfs_period_us"), "100000");
      Files.writeString(cpu.resolve("cpu.cfs_quota_us"), Long.toString((long) (limits.cpus() * 100_000)));
      groups.add(cpu);
    }
    return new TrialCgroup(groups, false);
  }

  /**
   * {@code command} prefixed so that its first process joins the group before it execs: nothing
   * it starts can be outside the limits, not even for a moment.
   */
  List<String> enter(List<String> command) {
    StringBuilder script = new StringBuilder();
    for (Path g : groups) {
      script.append("echo $$ > ").append(g.resolve("cgroup.procs")).append(" && ");
    }
    script.append("exec \"$@\"");
    List<String> out = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "sh"));
    out.addAll(command);
    return out;
  }

  /** The OOM killer ran in the group. */
  static final String MEMORY = "memory";
  /** A fork was refused at the group's process limit. */
  static final String PROCESSES = "processes";
  /** Every name {@link #limitsHit()} can give. */
  static final Set<String> LIMITS = Set.of(MEMORY, PROCESSES);

  /** The limits that stopped something: {@code memory} (the OOM killer ran), {@code processes}. */
  List<String> limitsHit() {
    return limitsHit(groups, v2);
  }

  /**
   * The same for a container whose own cgroup is mounted at {@code root} (the pod's app container,
   * in its cgroup namespace): what stopped the app or its set-up there.
   */
  static List<String> limitsHitInContainer(Path root) {
    boolean unified = Files.exists(root.resolve("cgroup.controllers"));
    return limitsHit(unified ? List.of(root)
        : List.of(root.resolve("memory"), root.resolve("pids")), unified);
  }

  private static List<String> limitsHit(List<Path> groups, boolean v2) {
    List<String> hit = new ArrayList<>();
    for (Path g : groups) {
      if (counter(v2 ? g.resolve("memory.events") : g.resolve("memory.oom_control"), "oom_kill") > 0) {
        hit.add(MEMORY);
      }
      if (counter(g.resolve("pids.events"), "max") > 0) {
        hit.add(PROCESSES);
      }
    }
    return hit;
  }

  private static long counter(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        String[] kv = line.strip().split("\\s+");
        if (kv.length == 2 && kv[0].equals(key)) {
          return Long.parseLong(kv[1]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not this hierarchy's file
    }
    return 0;
  }

  /**
   * Removes empty groups of trials whose evaluating process was killed (no finally ran): they
   * hold nothing, but would pile up. A group is abandoned once its scratch directory is gone
   * (the scratch sweeper removes those of dead processes); a new trial's empty group is not.
   */
  private static void sweepAbandoned(Path scratchParent) {
    for (Path hierarchy : List.of(ROOT, ROOT.resolve("memory"), ROOT.resolve("pids"), ROOT.resolve("cpu"))) {
      try (var groups = Files.list(hierarchy.resolve(PARENT))) {
        for (Path g : groups.filter(Files::isDirectory).toList()) {
          if (!Files.exists(scratchParent.resolve(g.getFileName().toString()))
              && Files.readString(g.resolve("cgroup.procs")).isBlank()) {
            rmdirFails(g);
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such hierarchy here, or a group in use
      }
    }
  }

  /** Kills whatever is still in the group (a process that escaped its parent) and removes it. */
  @Override
  public void close() {
    for (Path g : groups) {
      for (int attempt = 0; attempt < 50 && rmdirFails(g); attempt++) {
        try {
          for (String pid : Files.readAllLines(g.resolve("cgroup.procs"))) {
            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
          }
          Thread.sleep(20);
        } catch (IOException | NumberFormatException e) {
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
  }

  private static boolean rmdirFails(Path g) {
    try {
      Files.deleteIfExists(g);
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
