package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.util.Processes;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A trial inside a pod: set-up and the app run in the pod's app container (another uid, its own
 * PID namespace, no view of the results or of this container's termination message), asked
 * through an {@link AppChannel}; the suite and the verifiers stay in this container. The pod's
 * PostgreSQL sidecar is the trial's database.
 */
final class PodSandbox implements TrialSandbox {

  private static final long READY_MILLIS = 120_000;
  private static final long STOP_MILLIS = 10_000;
  private static final long LIMITS_MILLIS = 5_000;
  private static final int SETUP_OUTPUT_BYTES = 1024 * 1024;
  private static final long HAND_OVER_SECONDS = 300;

  private final AppChannel channel;
  private final TrialScratch scratch;
  private final int appPort;
  private final AtomicInteger seq = new AtomicInteger();

  private PodSandbox(AppChannel channel, TrialScratch scratch, int appPort) {
    this.channel = channel;
    this.scratch = scratch;
    this.appPort = appPort;
  }

  /** Opens the sandbox once the app container answers on {@code channel}. */
  static PodSandbox open(TrialScratch scratch, int appPort, AppChannel channel)
      throws IOException {
    if (!channel.awaitReady(READY_MILLIS)) {
      throw new SandboxUnavailableException("the trial pod's app container did not come up within "
          + READY_MILLIS / 1000 + " s");
    }
    PodSandbox sandbox = new PodSandbox(channel, scratch, appPort);
    sandbox.handOverToAppContainer();
    return sandbox;
  }

  /**
   * The app container's uid becomes the owner of the app's copy and of the home, as set-up
   * expects (`chmod +x run.sh`, npm's cache): this container moves its copies aside, and the app
   * container copies them into fresh directories it may write through the pod's fsGroup.
   */
  private void handOverToAppContainer() throws IOException {
    List<String> copies = new ArrayList<>();
    for (Path dir : List.of(scratch.workspace(), scratch.home())) {
      Path input = dir.resolveSibling(dir.getFileName() + ".input");
      Files.move(dir, input);
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwx--x"));
      openForGroup(input);
      // tar keeps modes and times but takes ownership; the top directory itself is left be (its
      // owner is this container's uid, so the app container may not change its mode)
      copies.add("(cd " + input + " && find . -mindepth 1 -maxdepth 1 -print0 | tar --null -T - -cf -)"
          + " | tar -C " + dir + " -xf - --no-same-owner");
    }
    Processes.Completed done = setup("set -o pipefail; " + String.join(" && ", copies),
        SandboxEnvironment.of(scratch.home().toString(), Map.of()), HAND_OVER_SECONDS);
    if (done.exitCode() != 0) {
      throw new SandboxUnavailableException("the trial pod's app container could not take the"
          + " app's copy (exit " + done.exitCode() + "): " + done.output().strip());
    }
  }

  /** Read access for the app container's group (its uid is in the pod's fsGroup, as ours is). */
  private static void openForGroup(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!Files.isSymbolicLink(p)) {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
          perms.add(PosixFilePermission.GROUP_READ);
          if (Files.isDirectory(p)) {
            perms.add(PosixFilePermission.GROUP_EXECUTE);
          }
          Files.setPosixFilePermissions(p, perms);
        }
      }
    }
  }

  @Override
  public String mode() {
    return "pod";
  }

  @Override
  public String note() {
    return "inside a pod: set-up and the app in the pod's app container (own uid, own PID namespace),"
        + " the scorer in the evaluate container";
  }

  @Override
  public int appPort() {
    return appPort;
  }

  @Override
  public String postgresHost() {
    return "postgres";
  }

  @Override
  public int postgresPort() {
    return 5432;
  }

  @Override
  public Processes.Completed setup(String command, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    int n = send(AppChannel.Kind.SETUP, command, env, timeoutSeconds);
    // the app container stops it at its time-out; this one only guards against a dead container
    Integer code = channel.awaitExit(n, (timeoutSeconds + 30) * 1000);
    return new Processes.Completed(code == null ? -1 : code, tail(channel.outputOf(n)));
  }

  @Override
  public EphemeralPostgres.Launcher postgresLauncher() {
    throw new UnsupportedOperationException("a pod's PostgreSQL is its sidecar");
  }

  @Override
  public List<String> postgresSettings() {
    return List.of();
  }

  @Override
  public String postgresScorerAddress() {
    return "127.0.0.1:5432";
  }

  @Override
  public Process startApp(String runCommand, Map<String, String> env) throws IOException {
    int n = send(AppChannel.Kind.APP, runCommand, env, 0);
    return new RemoteAppProcess(channel, n, this::stopQuietly);
  }

  @Override
  public String appAddress() {
    return "127.0.0.1:" + appPort;
  }

  @Override
  public boolean appListening() {
    // the pod's containers share one network namespace: ours is the app's
    return LoopbackListeners.listening(Path.of("/proc/self/net"), appPort);
  }

  @Override
  public String limits() {
    return "the app container's resources (requests and limits of the trial pod)";
  }

  /**
   * As the app container counts them. The app could write that answer itself (it shares the
   * container's uid): a lie changes only its own result's report, never its score.
   */
  @Override
  public List<String> limitsHit() {
    try {
      int n = send(AppChannel.Kind.LIMITS, null, Map.of(), 0);
      if (channel.awaitExit(n, LIMITS_MILLIS) == null) {
        return List.of();
      }
      return Arrays.stream(Files.readString(channel.outputOf(n)).strip().split(","))
          .filter(TrialCgroup.LIMITS::contains).distinct().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      channel.awaitExit(send(AppChannel.Kind.STOP, null, Map.of(), 0), STOP_MILLIS);
    } catch (IOException e) {
      // the pod ends with this container; the kubelet stops the app container then
    }
  }

  private int send(AppChannel.Kind kind, String command, Map<String, String> env, long timeout)
      throws IOException {
    int n = seq.incrementAndGet();
    channel.send(new AppChannel.Request(n, kind, command, scratch.workspace().toString(), env,
        timeout));
    return n;
  }

  /** The last {@link #SETUP_OUTPUT_BYTES} of a set-up command's output. */
  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, f.length() - SETUP_OUTPUT_BYTES);
      byte[] bytes = new byte[(int) (f.length() - start)];
      f.seek(start);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
