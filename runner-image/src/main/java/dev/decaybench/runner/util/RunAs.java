package dev.decaybench.runner.util;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. When we are root, its commands go through
 * {@code setpriv} to the unprivileged {@code nobody} user; otherwise they run as we are.
 */
public final class RunAs {

  public static final int NOBODY = 65534;
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"))
      || "0".equals(currentUid());

  private RunAs() {}

  public static boolean isRoot() {
    return ROOT;
  }

  /** {@code command} prefixed so that it runs unprivileged. */
  public static List<String> unprivileged(List<String> command) {
    if (!ROOT) {
      return command;
    }
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
        "--clear-groups", "--"));
    out.addAll(command);
    return out;
  }

  /**
   * {@code command} run as {@code uid} with no capabilities left (bounding and inheritable sets
   * emptied) and no way to gain any (no_new_privs). Only root can do this.
   */
  public static List<String> dropTo(int uid, List<String> command) {
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid,
        "--clear-groups", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", "--"));
    out.addAll(command);
    return out;
  }

  /**
   * Gives {@code paths} (recursively) to {@code uid}; links are changed, never followed, so a
   * link the trial planted cannot hand it a file of the host.
   */
  public static void handTo(int uid, Path... paths) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("chown", "-R", "-h", "-P", uid + ":" + uid));
    for (Path p : paths) {
      cmd.add(p.toString());
    }
    Processes.Completed chown = Processes.run(cmd, null, null, 120);
    if (chown.exitCode() != 0) {
      throw new IOException("could not hand " + String.join(", ", cmd.subList(5, cmd.size()))
          + " to uid " + uid + ": " + chown.output().strip());
    }
  }

  private static String currentUid() {
    try {
      Object uid = java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return String.valueOf(uid);
    } catch (Exception e) {
      return "";
    }
  }
}
