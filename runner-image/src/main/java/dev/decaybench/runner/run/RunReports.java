package dev.decaybench.runner.run;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.runner.report.ReportWriter;
import dev.decaybench.runner.report.RunMetadata;
import java.nio.file.Path;
import java.time.Instant;

/** Writes the run's reports (run.json, global_stats.csv, cost_stats.csv, report.md, report.html) from its trial directories. */
public final class RunReports {

  private RunReports() {}

  public static Path write(Path outDir, EvaluationRun run, Instant startedAt) {
    ReportWriter.writeAll(outDir, RunMetadata.of(run, startedAt.toString(), Instant.now().toString()));
    return outDir.resolve("report.html");
  }
}
