package dev.decaybench.operator.testing;

import dev.decaybench.runner.cli.DecaybenchCli;
import dev.decaybench.runner.postgres.EphemeralPostgres;
import dev.decaybench.runner.postgres.PostgresBinaries;
import dev.decaybench.runner.postgres.PostgresTemplate;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs what a trial pod runs, in this JVM: the prepare, agent, app and evaluate containers'
 * {@code decaybench} commands through {@link DecaybenchCli#run} (the app container on a thread
 * of its own, as a sidecar runs beside the others), with the pod's volumes mapped
 * to a directory per pod, and the PostgreSQL sidecar replaced by a local PostgreSQL of its own
 * (the runner's {@link EphemeralPostgres}, reached as 127.0.0.1:port instead of postgres:5432).
 */
public final class RealPodRunner {

  /** The container that ended the pod, its exit code and its termination message. */
  public record Outcome(String container, int exitCode, String message) {}

  private final Path root;

  public RealPodRunner(Path root) {
    this.root = root;
  }

  public Outcome run(Pod pod) {
    Path dir = root.resolve(pod.getMetadata().getName());
    Path termination = dir.resolve("termination-log");
    try {
      Files.createDirectories(dir.resolve("workspace"));
      // PostgreSQL runs unprivileged (nobody) when we are root: it must reach its data
      // directory. Only our own directories are opened up, never the shared parent (/tmp).
      for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      Files.createDirectories(dir.resolve("results"));
      PostgresBinaries binaries = PostgresBinaries.resolve(null);
      Path template = PostgresTemplate.ensure(binaries);
      int port = freePort();
      try (EphemeralPostgres pg = EphemeralPostgres.startUnsandboxed(binaries, template,
          dir.resolve("pgdata"), port, 60_000)) {
        Thread appHost = null;
        try {
          for (Container c : pod.getSpec().getInitContainers()) {
            if (c.getName().equals("postgres")) {
              continue; // replaced by the local PostgreSQL
            }
            if ("Always".equals(c.getRestartPolicy())) {
              appHost = startSidecar(args(c, dir, port, termination));
              continue;
            }
            int code = runContainer(args(c, dir, port, termination));
            if (code != 0) {
              return new Outcome(c.getName(), code, c.getName() + " exited with " + code);
            }
          }
          Container evaluate = pod.getSpec().getContainers().get(0);
          int code = runContainer(args(evaluate, dir, port, termination));
          String message = Files.exists(termination) ? Files.readString(termination) : "";
          return new Outcome(evaluate.getName(), code, message);
        } finally {
          if (appHost != null) {
            appHost.interrupt(); // as the kubelet stops sidecars after the main container
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the harness broke: as the evaluate container would, exit 3 with the message
      e.printStackTrace();
      return new Outcome("evaluate", 3, "harness: " + e.getMessage());
    }
  }

  /**
   * One container's command, as its own process would run it. In a pod each container is a
   * separate JVM; here they share one, so they take turns, and the JVM-wide state a container
   * leaves behind is dropped after it: the runner's ResourceTree leaves the runner jar's zip
   * file system open, which would make Cucumber's feature scan in a later evaluate fail with
   * FileSystemAlreadyExistsException.
   */
  private static int runContainer(String[] args) {
    synchronized (RealPodRunner.class) {
      try {
        return DecaybenchCli.run(args);
      } finally {
        closeRunnerJarFileSystem();
      }
    }
  }

  /** A native sidecar (the app container): runs beside the others until interrupted. */
  private static Thread startSidecar(String[] args) throws IOException {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--control") || args[i].equals("--output")) {
        Files.createDirectories(Path.of(args[i + 1]));
      }
    }
    Thread t = new Thread(() -> DecaybenchCli.run(args), "sidecar-" + args[0]);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void closeRunnerJarFileSystem() {
    try {
      URI jar = DecaybenchCli.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      if (jar.getPath().endsWith(".jar")) {
        FileSystems.getFileSystem(URI.create("jar:" + jar)).close();
      }
    } catch (FileSystemNotFoundException | URISyntaxException | IOException e) {
      // nothing open
    }
  }

  /**
   * The container's arguments to the runner image's entrypoint (the decaybench CLI), with the
   * pod's paths mapped to {@code dir}.
   */
  static String[] args(Container c, Path dir, int port, Path termination) {
    if (c.getCommand() != null && !c.getCommand().isEmpty()) {
      throw new IllegalArgumentException(c.getName() + " does not run the runner's entrypoint: "
          + c.getCommand());
    }
    List<String> out = new ArrayList<>();
    for (String a : c.getArgs()) {
      out.add(a.replace("/dev/termination-log", termination.toString())
          .replace("postgres:5432", "127.0.0.1:" + port)
          .replaceFirst("^/workspace", dir.resolve("workspace").toString())
          .replaceFirst("^/results", dir.resolve("results").toString())
          .replaceFirst("^/app-control", dir.resolve("app-control").toString())
          .replaceFirst("^/app-output", dir.resolve("app-output").toString())
          .replaceFirst("^/pginit", dir.resolve("pginit").toString()));
    }
    return out.toArray(String[]::new);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
