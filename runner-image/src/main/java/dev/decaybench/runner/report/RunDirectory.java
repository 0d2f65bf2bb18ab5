package dev.decaybench.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.metrics.TrialGrading;
import dev.decaybench.model.metrics.TrialGrading.Outcome;
import dev.decaybench.model.metrics.TrialRecord;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.model.result.TrialResult;
import dev.decaybench.runner.task.Frameworks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run directory read back for the reports: {@code RUN_DIR/trials/<id>/} with trial.json and
 * result.json. What a finished trial counts for is {@link TrialGrading}'s rule, keyed by the
 * trial.json status ({@code evaluated}, {@code timed_out} and {@code agent_failed} count, as A% 0
 * for the last two; {@code crashed} and {@code infrastructure_failed} are left out of the metrics
 * but kept as entries). Tolerant by design: an {@code evaluated} trial whose result.json is
 * missing or broken is counted as crashed;
 * a directory with result.json but no trial.json is placed from the result's task name; a trial
 * that never finished (another status, no result) and an empty directory are skipped. Each of these
 * leaves a line in {@link #warnings()}. Without a {@code trials/} directory the records of run.json
 * are used (no drill-down then).
 */
public final class RunDirectory {

  public static final String TRIALS = "trials";
  public static final String TRIAL_JSON = "trial.json";
  public static final String RESULT_JSON = "result.json";

  private static final Pattern REPEAT = Pattern.compile("-r?(\\d+)$");

  private final Path root;
  private final List<TrialEntry> trials;
  private final List<String> warnings;

  private RunDirectory(Path root, List<TrialEntry> trials, List<String> warnings) {
    this.root = root;
    this.trials = List.copyOf(trials);
    this.warnings = List.copyOf(warnings);
  }

  /** Reads a run directory; throws {@link ReportException} only when it is not a directory. */
  public static RunDirectory read(Path runDir) {
    Path root = runDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new ReportException("run directory " + runDir + " does not exist or is not a directory");
    }
    List<TrialEntry> entries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Path trialsDir = root.resolve(TRIALS);
    if (Files.isDirectory(trialsDir)) {
      List<Path> dirs;
      try (Stream<Path> s = Files.list(trialsDir)) {
        dirs = s.filter(Files::isDirectory).sorted().toList();
      } catch (IOException e) {
        throw new ReportException("cannot list " + trialsDir + ": " + e.getMessage(), e);
      }
      for (Path dir : dirs) {
        readTrial(dir, warnings).ifPresent(entries::add);
      }
    } else {
      Optional<RunFile> file = RunFile.read(root);
      if (file.isPresent() && file.get().trials() != null) {
        for (RunFile.Trial t : file.get().trials()) {
          if (t.record() != null) {
            entries.add(new TrialEntry(t.id(), root.resolve(TRIALS).resolve(t.id()), null, null,
                t.status() == null ? TrialJson.EVALUATED : t.status(), t.error(), t.record().withUsage(t.usage())));
          }
        }
        warnings.add("no " + TRIALS + "/ directory: trials taken from " + RunFile.FILE_NAME + " (no drill-down)");
      } else {
        warnings.add("no " + TRIALS + "/ directory and no readable " + RunFile.FILE_NAME + ": the run has no trials");
      }
    }
    return new RunDirectory(root, entries, warnings);
  }

  public Path root() {
    return root;
  }

  public List<TrialEntry> trials() {
    return trials;
  }

  /** The metrics' view of every trial the grading rule counts (excluded ones are left out). */
  public List<TrialRecord> records() {
    return trials.stream().filter(TrialEntry::counted).map(TrialEntry::record).toList();
  }

  public List<String> warnings() {
    return warnings;
  }

  // ---------------------------------------------------------------- one trial

  private static Optional<TrialEntry> readTrial(Path dir, List<String> warnings) {
    String dirName = dir.getFileName().toString();
    ObjectMapper json = RunFile.lenient();
    TrialJson info = null;
    Path infoFile = dir.resolve(TRIAL_JSON);
    if (Files.isRegularFile(infoFile)) {
      try {
        info = json.readValue(infoFile.toFile(), TrialJson.class);
      } catch (IOException | RuntimeException e) {
        warnings.add(dirName + ": " + TRIAL_JSON + " unreadable (" + oneLine(e) + ")");
      }
    }
    TrialResult result = null;
    String resultProblem = null;
    Path resultFile = dir.resolve(RESULT_JSON);
    if (Files.isRegularFile(resultFile)) {
      try {
        result = json.readValue(resultFile.toFile(), TrialResult.class);
      } catch (IOException | RuntimeException e) {
        resultProblem = RESULT_JSON + " unreadable (" + oneLine(e) + ")";
      }
    } else {
      resultProblem = RESULT_JSON + " missing";
    }

    String id = info != null && info.id() != null ? info.id() : dirName;
    String declared = info == null ? null : info.status();
    String status;
    String error = info == null ? null : info.error();
    Optional<Outcome> declaredOutcome = Outcome.ofStatus(declared);
    if (declaredOutcome.isPresent() && declaredOutcome.get() != Outcome.EVALUATED) {
      status = declared;
    } else if (result != null) {
      status = TrialJson.EVALUATED;
      if (info == null) {
        warnings.add(dirName + ": no readable " + TRIAL_JSON + ", placed from " + RESULT_JSON);
      }
    } else if (TrialJson.EVALUATED.equals(declared)) {
      status = TrialJson.CRASHED;
      error = error != null ? error : resultProblem;
      warnings.add(dirName + ": status evaluated but " + resultProblem + "; counted as crashed");
    } else if (info != null) {
      warnings.add(dirName + ": not finished (status " + declared + "), left out");
      return Optional.empty();
    } else {
      warnings.add(dirName + ": neither " + TRIAL_JSON + " nor " + RESULT_JSON + " readable, left out");
      return Optional.empty();
    }
    if (!TrialJson.EVALUATED.equals(status) && result != null && resultProblem == null && error == null) {
      error = status;
    }
    return Optional.of(new TrialEntry(id, dir, info, result, status, error,
        record(id, info, result, status).withUsage(TrialUsages.read(info, result))));
  }

  /**
   * The TrialRecord of one trial as {@link TrialGrading} counts it; an excluded trial (crashed)
   * gets its zero record, kept for display only ({@link TrialEntry#counted()} is false).
   */
  static TrialRecord record(String id, TrialJson info, TrialResult result, String status) {
    String task = firstNonNull(info == null ? null : info.task(), result == null ? null : result.task(), id);
    List<String> constraints = info != null && info.constraints() != null ? List.copyOf(info.constraints())
        : result != null && result.constraints() != null ? List.copyOf(result.constraints()) : List.of();
    String framework = info != null && info.framework() != null ? info.framework() : frameworkOf(task);
    int level = info != null && info.level() != null ? info.level() : constraints.size();
    int repeat = info != null && info.repeat() != null ? info.repeat() : repeatOf(id);
    FailureClass failure = result == null ? null : result.failure();
    long duration = info != null && info.durationMs() != null ? info.durationMs()
        : result == null || result.timings() == null ? 0 : result.timings().total();
    if (!TrialJson.EVALUATED.equals(status)) {
      // shown with the class of its result if it has one; counted only if the rule says A% 0
      TrialRecord shown = new TrialRecord(id, task, framework, level, constraints, repeat, 0.0, 0.0, 0.0,
          false, null, null, failure != null && failure.coarse() != null ? failure.coarse() : "other",
          failure == null ? null : failure.subcategory(), failure != null && failure.dataLayer(), duration);
      return TrialGrading.grade(Outcome.ofStatus(status).orElse(Outcome.HARNESS_ERROR), shown).orElse(shown);
    }
    Integer extPassed = result.extended() == null ? null : result.extended().passed();
    Integer extTotal = result.extended() == null ? null : result.extended().total();
    return new TrialRecord(id, task, framework, level, constraints, repeat, result.aPct(),
        result.strictAPct(), result.strictAPctPlus(), result.success(), extPassed, extTotal,
        result.success() || failure == null ? null : failure.coarse(),
        result.success() || failure == null ? null : failure.subcategory(),
        !result.success() && failure != null && failure.dataLayer(), duration);
  }

  /** flask from {@code flask-openapi-postgres}, {@code uv-flask-openapi-postgres}; else the first word. */
  static String frameworkOf(String task) {
    String name = task.replaceFirst("^(uv|node)-", "");
    String first = name.split("[-_]", 2)[0];
    if (Frameworks.known(first)) {
      return Frameworks.byId(first).id();
    }
    return first.isEmpty() ? "unknown" : first;
  }

  private static int repeatOf(String id) {
    Matcher m = REPEAT.matcher(id);
    try {
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.lines().findFirst().orElse(m);
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
