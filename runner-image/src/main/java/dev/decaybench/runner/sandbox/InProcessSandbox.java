package dev.decaybench.runner.sandbox;

import dev.decaybench.runner.engine.PodOutcome;
import dev.decaybench.runner.engine.PodPhase;
import dev.decaybench.runner.engine.TrialSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * No isolation of our own: used inside a Kubernetes pod (which is the sandbox) and as the
 * fallback where namespaces are unavailable, with free ports instead of fixed ones.
 */
public final class InProcessSandbox implements Sandbox {

  private final String mode;
  private final String note;
  private final boolean freePorts;

  public InProcessSandbox(String mode, String note, boolean freePorts) {
    this.mode = mode;
    this.note = note;
    this.freePorts = freePorts;
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public String note() {
    return note;
  }

  @Override
  public int postgresPort() throws IOException {
    return freePorts ? freePort() : 5432;
  }

  @Override
  public int appPort(int taskPort) throws IOException {
    return freePorts ? freePort() : taskPort;
  }

  @Override
  public String postgresHost() {
    return freePorts ? "127.0.0.1" : "postgres";
  }

  @Override
  public PodOutcome execute(TrialSpec spec, Path specFile, long timeoutMillis) {
    return new PodPhase().run(spec);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
