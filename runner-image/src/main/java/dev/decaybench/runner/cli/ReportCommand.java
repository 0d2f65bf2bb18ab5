package dev.decaybench.runner.cli;

import dev.decaybench.model.metrics.GroupMetrics;
import dev.decaybench.model.metrics.Metric;
import dev.decaybench.runner.report.ReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code decaybench report RUN_DIR}: rebuilds run.json, global_stats.csv, cost_stats.csv, report.md and report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Rebuilds a run's reports from its trial directories (RUN_DIR/trials/<id>/):",
        "run.json, global_stats.csv (the paper's columns), cost_stats.csv (tokens, cost, time),",
        "report.md and report.html (self-contained).",
        "Exit code 0 on success, 3 when the directory cannot be read or written."})
public final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "The run's output directory.")
  Path runDir;

  @Override
  public Integer call() {
    ReportWriter.Written w = ReportWriter.writeAll(runDir, null);
    PrintWriter out = spec.commandLine().getOut();
    GroupMetrics all = w.metrics().overall();
    out.printf(Locale.ROOT, "%d trials of %d tasks: A%% %s, strict A%% %s, %d successes%n", all.trials(),
        all.tasks(), pct(all.value(Metric.A_PCT)), pct(all.value(Metric.STRICT_A_PCT)), all.successes());
    w.run().warnings().forEach(msg -> out.println("warning: " + msg));
    w.files().forEach(f -> out.println("wrote " + f));
    return 0;
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
