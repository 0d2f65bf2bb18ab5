package dev.decaybench.runner.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * Main class started inside a trial sandbox: runs the pod half of the trial described by the
 * spec file and writes {@code pod-outcome.json} beside it.
 */
public final class SandboxEntry {

  static final String OUTCOME_FILE = "pod-outcome.json";

  private SandboxEntry() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = Json.mapper();
    Path specFile = Path.of(args[0]);
    TrialSpec spec = json.readValue(specFile.toFile(), TrialSpec.class);
    PodOutcome outcome = new PodPhase().run(spec);
    json.writeValue(specFile.resolveSibling(OUTCOME_FILE).toFile(), outcome);
    System.exit(0);
  }
}
