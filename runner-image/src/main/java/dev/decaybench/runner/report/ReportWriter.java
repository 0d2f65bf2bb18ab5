package dev.decaybench.runner.report;

import dev.decaybench.model.metrics.RunMetrics;
import dev.decaybench.model.metrics.RunMetricsReport;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.metrics.UsageReport;
import dev.decaybench.model.v1alpha1.TokenPrice;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's four reports from its trial directories: {@code run.json} (metadata, metrics,
 * every trial's record), {@code global_stats.csv} (the paper's columns), {@code cost_stats.csv} (tokens, cost, time), {@code report.md} and the
 * self-contained {@code report.html}. Each file is written to a temporary name and moved into
 * place, so a reader (or a kill) never sees half a file. Rerunning is idempotent apart from
 * {@code generatedAt}.
 */
public final class ReportWriter {

  private ReportWriter() {}

  /** What {@link #writeAll} produced. */
  public record Written(RunMetadata metadata, RunMetricsReport metrics, RunDirectory run, List<Path> files) {}

  /**
   * Reads {@code runDir/trials/*} and writes the four reports into {@code runDir}.
   *
   * @param runMetadata the run's metadata; null keeps the metadata of an existing run.json (or,
   *     without one, names the run after its directory). Its {@code repeats}, when set, is the k
   *     of pass@k and pass^k; otherwise k is the largest number of trials of one task.
   * @throws ReportException when runDir is not a directory or a file cannot be written
   */
  public static Written writeAll(Path runDir, RunMetadata runMetadata) {
    RunDirectory run = RunDirectory.read(runDir);
    RunMetadata meta = runMetadata != null ? runMetadata
        : RunFile.readMetadata(run.root()).orElse(RunMetadata.named(run.root().getFileName().toString()));
    if (meta.name() == null) {
      meta = new RunMetadata(run.root().getFileName().toString(), meta.agent(), meta.model(), meta.suite(),
          meta.repeats(), meta.startedAt(), meta.finishedAt(), meta.decaybenchVersion(), meta.spec());
    }
    List<TrialRecord> records = run.records();
    int k = meta.repeats() != null && meta.repeats() > 0 ? meta.repeats() : RunMetrics.defaultK(records);
    TokenPrice price = TrialUsages.price(meta.spec());
    RunMetricsReport metrics = RunMetrics.compute(records, k, price);
    String generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    List<RunFile.Trial> trials = run.trials().stream().map(t -> new RunFile.Trial(t.id(), t.status(), t.error(),
        relative(run.root(), t.dir()), t.record().usage() == null ? null : t.record().usage().priced(price),
        t.record())).toList();
    UsageReport usage = metrics.usage();
    int crashed = (int) run.trials().stream().filter(TrialEntry::crashed).count();
    RunFile file = new RunFile(RunFile.SCHEMA_VERSION, generatedAt, meta,
        new RunFile.Counts(trials.size(), trials.size() - crashed, crashed), metrics, usage, trials,
        run.warnings());

    String agent = meta.agent() != null ? meta.agent() : commonAgent(run.trials());
    List<Path> written = new ArrayList<>();
    try {
      written.add(write(run.root().resolve(RunFile.FILE_NAME), Json.mapper().writeValueAsString(file) + "\n"));
      written.add(write(run.root().resolve(GlobalStatsCsv.FILE_NAME),
          GlobalStatsCsv.render(agent, meta.model() == null ? "" : meta.model(), records)));
      written.add(write(run.root().resolve(CostStatsCsv.FILE_NAME), CostStatsCsv.render(metrics, usage)));
      written.add(write(run.root().resolve(MarkdownReport.FILE_NAME),
          MarkdownReport.render(meta, metrics, usage, run.trials(), run.warnings(), generatedAt)));
      written.add(write(run.root().resolve(HtmlReport.FILE_NAME),
          HtmlReport.render(meta, metrics, usage, run.trials(), run.warnings(), generatedAt, run.root())));
    } catch (IOException e) {
      throw new ReportException("cannot write the reports in " + run.root() + ": " + RunDirectory.oneLine(e), e);
    }
    return new Written(meta, metrics, run, List.copyOf(written));
  }

  private static String commonAgent(List<TrialEntry> trials) {
    List<String> agents = trials.stream().filter(t -> t.info() != null && t.info().agent() != null)
        .map(t -> t.info().agent()).distinct().toList();
    return agents.size() == 1 ? agents.get(0) : agents.isEmpty() ? "unknown" : String.join("+", agents);
  }

  private static String relative(Path root, Path dir) {
    try {
      return root.relativize(dir.toAbsolutePath().normalize()).toString();
    } catch (IllegalArgumentException e) {
      return dir.toString();
    }
  }

  /** Writes next to the target, then moves it into place (atomically where the file system can). */
  static Path write(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
