package dev.decaybench.runner.run;

import dev.decaybench.api.v1alpha1.EvaluationRun;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the run's reports from its trial directories (seam to the report package). */
public final class RunReports {

  private RunReports() {}

  public static Path write(Path outDir, EvaluationRun run) throws IOException {
    return outDir.resolve("trials");
  }
}
