package dev.decaybench.runner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.model.metrics.RunComparison;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.runner.util.Json;
import dev.decaybench.runner.report.CostComparison;
import dev.decaybench.runner.report.ReportException;
import dev.decaybench.runner.report.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code decaybench compare RUN_A RUN_B}: B minus A per level and framework, over matched tasks. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares two runs over the tasks present in both: A%% and strict A%% of",
        "each run, the difference B - A and its matched-pair standard error (sd of",
        "the per-task differences / sqrt(tasks)), overall, per level and per framework;",
        "then each run's cost, cost per successful trial and tokens, and B - A.",
        "Exit code 3 when a run cannot be read."})
public final class CompareCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format { table, json }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A", description = "The baseline run directory.")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with it.")
  Path runB;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  public Integer call() throws Exception {
    List<TrialRecord> a = records(runA);
    List<TrialRecord> b = records(runB);
    RunComparison c = RunComparison.compare(runA.toString(), a, runB.toString(), b);
    CostComparison cost = CostComparison.of(runA, runB);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      // the comparison as before, plus each run's usage (a new field, so old readers still work)
      ObjectNode json = Json.mapper().valueToTree(c);
      json.set("usage", Json.mapper().valueToTree(cost));
      out.println(Json.mapper().writeValueAsString(json));
    } else {
      out.print(table(c));
      out.print(cost.table());
    }
    out.flush();
    return 0;
  }

  private static List<TrialRecord> records(Path dir) {
    List<TrialRecord> records = RunDirectory.read(dir).records();
    if (records.isEmpty()) {
      throw new ReportException("run " + dir + " has no trials (nothing under " + dir.resolve("trials")
          + " and no trials in run.json)");
    }
    return records;
  }

  /** The comparison as a plain-text table. */
  static String table(RunComparison c) {
    StringBuilder s = new StringBuilder();
    s.append("A = ").append(c.runA()).append(" (").append(c.tasksA()).append(" tasks)\n");
    s.append("B = ").append(c.runB()).append(" (").append(c.tasksB()).append(" tasks)\n");
    s.append(c.matchedTasks()).append(" tasks in both");
    if (!c.onlyInA().isEmpty() || !c.onlyInB().isEmpty()) {
      s.append("; left out: ").append(c.onlyInA().size()).append(" only in A, ").append(c.onlyInB().size())
          .append(" only in B");
    }
    s.append("\nDifferences are B - A over the matched tasks; SE = standard error of the mean per-task difference.\n\n");
    String fmt = "%-14s %5s %8s %8s %8s %7s   %8s %8s %8s %7s%n";
    s.append(String.format(Locale.ROOT, fmt, "GROUP", "TASKS", "A% A", "A% B", "DIFF", "SE",
        "STRICT A", "STRICT B", "DIFF", "SE"));
    row(s, fmt, "overall", c.overall());
    section(s, fmt, c.perLevel());
    section(s, fmt, c.perFramework());
    return s.toString();
  }

  private static void section(StringBuilder s, String fmt, Map<String, RunComparison.Row> rows) {
    if (!rows.isEmpty()) {
      s.append('\n');
      rows.forEach((name, r) -> row(s, fmt, name, r));
    }
  }

  private static void row(StringBuilder s, String fmt, String name, RunComparison.Row r) {
    s.append(String.format(Locale.ROOT, fmt, name, r.tasks(), p(r.aPctA()), p(r.aPctB()), d(r.deltaAPct()),
        p(r.seAPct()), p(r.strictAPctA()), p(r.strictAPctB()), d(r.deltaStrictAPct()), p(r.seStrictAPct())));
  }

  private static String p(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String d(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%+.2f", v);
  }
}
