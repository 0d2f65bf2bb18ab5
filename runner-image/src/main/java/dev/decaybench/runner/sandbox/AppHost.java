package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.util.Processes;
import dev.decaybench.runner.util.RunAs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The app container's side of {@link AppChannel}: runs the evaluator's requests one after the
 * other, as this container's own uid, and never ends by itself (it is a native sidecar: the
 * kubelet would start it again). Everything it starts shares its uid, so the app can kill it;
 * that costs the app its own trial and nothing else.
 */
public final class AppHost {

  /** Where a container sees its own cgroup (its cgroup namespace's root). */
  public static final Path CONTAINER_CGROUP = Path.of("/sys/fs/cgroup");

  private final AppChannel channel;
  private final boolean sweepContainer;
  private final Path cgroup;
  private final List<Process> started = new CopyOnWriteArrayList<>();

  /**
   * @param sweepContainer on stop, also kill every other process this uid may signal: only for
   *     the app container, whose PID namespace holds nothing but the trial
   * @param cgroup the container's cgroup file system, whose counters say which limits were hit
   */
  public AppHost(AppChannel channel, boolean sweepContainer, Path cgroup) {
    this.channel = channel;
    this.sweepContainer = sweepContainer;
    this.cgroup = cgroup;
  }

  /** Serves requests until interrupted; each on a thread of its own, so a stop is never queued. */
  public void serve() throws IOException, InterruptedException {
    channel.markReady();
    for (int seq = 1; ; seq++) {
      AppChannel.Request request;
      while ((request = channel.poll(seq)) == null) {
        Thread.sleep(AppChannel.POLL_MILLIS);
      }
      AppChannel.Request next = request;
      Thread t = new Thread(() -> {
        try {
          handle(next);
        } catch (IOException e) {
          System.err.println("request " + next.seq() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "request-" + seq);
      t.setDaemon(true);
      t.start();
    }
  }

  void handle(AppChannel.Request request) throws IOException, InterruptedException {
    switch (request.kind()) {
      case SETUP -> channel.reportExit(request.seq(), runToEnd(request));
      case APP -> startApp(request);
      case STOP -> {
        stopEverything();
        channel.reportExit(request.seq(), 0);
      }
      case LIMITS -> {
        channel.writeOutput(request.seq(),
            String.join(",", TrialCgroup.limitsHitInContainer(cgroup)));
        channel.reportExit(request.seq(), 0);
      }
      default -> throw new IllegalStateException("unknown request " + request.kind());
    }
  }

  private int runToEnd(AppChannel.Request request) throws IOException, InterruptedException {
    Process p = start(request, List.of("bash", "-c", request.command()));
    if (!p.waitFor(request.timeoutSeconds(), TimeUnit.SECONDS)) {
      Processes.stopTree(p.toHandle(), 0);
      return -1;
    }
    return p.exitValue();
  }

  private void startApp(AppChannel.Request request) throws IOException {
    Process p;
    try {
      // its own session, as in every other sandbox
      p = start(request, List.of("setsid", "bash", "-c", request.command()));
    } catch (IOException e) {
      channel.reportExit(request.seq(), 127);
      return;
    }
    p.onExit().thenAccept(ended -> {
      try {
        channel.reportExit(request.seq(), ended.exitValue());
      } catch (IOException e) {
        // the evaluator then sees a running app until it stops it; its requests still tell
      }
    });
  }

  private Process start(AppChannel.Request request, List<String> command) throws IOException {
    File out = channel.outputOf(request.seq()).toFile();
    Process p = SandboxEnvironment.apply(new ProcessBuilder(command), request.env())
        .directory(Path.of(request.dir()).toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
    started.add(p);
    return p;
  }

  /**
   * Stops what was started, then every other process this uid can see except this one and its
   * ancestors: a daemon that left its session is in this container's PID namespace too.
   */
  private void stopEverything() {
    started.forEach(p -> Processes.stopTree(p.toHandle(), 2000));
    if (!sweepContainer || RunAs.isRoot()) {
      return;
    }
    List<Long> keep = new ArrayList<>(List.of(1L));
    for (ProcessHandle h = ProcessHandle.current(); h != null; h = h.parent().orElse(null)) {
      keep.add(h.pid());
    }
    ProcessHandle.allProcesses().filter(h -> !keep.contains(h.pid()))
        .forEach(ProcessHandle::destroyForcibly);
  }
}
