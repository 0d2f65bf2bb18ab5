package dev.decaybench.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.decaybench.model.result.FailureClass;
import dev.decaybench.runner.classify.FailureClassifier;
import dev.decaybench.runner.classify.evaluation.Evaluation;
import dev.decaybench.runner.classify.evaluation.LabelledSet;
import dev.decaybench.runner.classify.input.TrialEvidence;
import dev.decaybench.runner.classify.judge.JudgeClient;
import dev.decaybench.runner.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code decaybench classify}: name the failure class of stored trials, with its evidence. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {"Classifies failed trials in the paper's failure taxonomy: coarse class,",
        "logic-error subcategory, data-layer flag, confidence, rule and evidence.",
        "Inputs: decaybench trial directories, a Newman JSON report of the paper's",
        "pipeline with its server log, or failure samples in the paper's shape.",
        "--eval measures accuracy against labels (docs/failure-taxonomy.md).",
        "Exit code 0 when classification worked, 2 on a usage error."})
public final class ClassifyCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "TRIAL_DIR", arity = "0..*", description = "decaybench trial directories.")
  List<Path> trialDirs = new ArrayList<>();

  @Option(names = "--newman-report", paramLabel = "FILE", description = "Newman JSON reporter output.")
  Path newmanReport;

  @Option(names = "--server-log", paramLabel = "FILE", description = "The app's log (with --newman-report).")
  Path serverLog;

  @Option(names = "--trajectory", paramLabel = "FILE",
      description = "The agent's trajectory: plain text or JSON (with --newman-report or one TRIAL_DIR).")
  Path trajectory;

  @Option(names = "--sample", paramLabel = "FILE",
      description = "Failure samples: a JSON object or array with newman_summary, server_log, trajectory.")
  Path sample;

  @Option(names = "--eval", paramLabel = "LABELS",
      description = "A labels file or directory (see docs/failure-taxonomy.md): prints accuracy and confusion matrices.")
  Path eval;

  @Option(names = "--format", defaultValue = "json", paramLabel = "json|table",
      description = "Output format. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--assume-logic-error",
      description = "Treat every input as a known logic error and name only its subcategory (the paper's second stage).")
  boolean assumeLogicError;

  @Option(names = "--judge-url", paramLabel = "URL",
      description = "OpenAI-compatible endpoint asked when the rules' confidence is low (off by default).")
  String judgeUrl;

  @Option(names = "--judge-model", paramLabel = "NAME", defaultValue = "gpt-4o-mini",
      description = "Model name sent to the judge. Default: ${DEFAULT-VALUE}.")
  String judgeModel;

  @Option(names = "--judge-key-env", paramLabel = "VAR", defaultValue = "DECAYBENCH_JUDGE_KEY",
      description = "Environment variable holding the judge's API key. Default: ${DEFAULT-VALUE}.")
  String judgeKeyEnv;

  @Option(names = "--judge-threshold", paramLabel = "P", defaultValue = "0.6",
      description = "Ask the judge when the rules' confidence is below this. Default: ${DEFAULT-VALUE}.")
  double judgeThreshold;

  @Option(names = "--judge-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Time-out per judge call. Default: ${DEFAULT-VALUE}.")
  long judgeTimeoutSeconds;

  @Override
  public Integer call() {
    int modes = (trialDirs.isEmpty() ? 0 : 1) + (newmanReport == null ? 0 : 1) + (sample == null ? 0 : 1)
        + (eval == null ? 0 : 1);
    if (modes != 1) {
      throw usage("give exactly one input: TRIAL_DIR..., --newman-report, --sample or --eval");
    }
    if (!format.equals("json") && !format.equals("table")) {
      throw usage("--format must be json or table, not '" + format + "'");
    }
    if (serverLog != null && newmanReport == null) {
      throw usage("--server-log goes with --newman-report");
    }
    if (trajectory != null && newmanReport == null && trialDirs.size() != 1) {
      throw usage("--trajectory goes with --newman-report or a single TRIAL_DIR");
    }
    FailureClassifier classifier = classifier();
    PrintWriter out = spec.commandLine().getOut();
    if (eval != null) {
      List<LabelledSet.Case> cases;
      try {
        cases = LabelledSet.load(eval);
      } catch (IOException | RuntimeException e) {
        throw usage("cannot read labels: " + e.getMessage());
      }
      if (cases.isEmpty()) {
        throw usage("no labelled case found in " + eval);
      }
      out.print(Evaluation.run(cases, e -> classify(classifier, e)).report());
      out.flush();
      return 0;
    }
    List<TrialEvidence> inputs = new ArrayList<>();
    if (newmanReport != null) {
      inputs.add(TrialEvidence.fromNewmanReport(newmanReport, serverLog, trajectory));
    } else if (sample != null) {
      inputs.addAll(TrialEvidence.fromSamples(sample));
    } else {
      for (Path d : trialDirs) {
        TrialEvidence e = TrialEvidence.fromTrialDirectory(d);
        inputs.add(trajectory == null ? e : e.withTrajectoryFile(trajectory));
      }
    }
    List<FailureClass> results = inputs.stream().map(e -> classify(classifier, e)).toList();
    out.print(format.equals("table") ? ClassifyOutput.table(inputs, results) : json(inputs, results));
    out.flush();
    return 0;
  }

  private FailureClass classify(FailureClassifier classifier, TrialEvidence e) {
    return assumeLogicError ? classifier.classifyLogicError(e) : classifier.classify(e);
  }

  private FailureClassifier classifier() {
    if (judgeUrl == null || judgeUrl.isBlank()) {
      return new FailureClassifier();
    }
    String key = judgeKeyEnv == null ? null : System.getenv(judgeKeyEnv);
    return new FailureClassifier(new JudgeClient(judgeUrl, judgeModel, key,
        Duration.ofSeconds(Math.max(1, judgeTimeoutSeconds))), judgeThreshold);
  }

  private static String json(List<TrialEvidence> inputs, List<FailureClass> results) {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (int i = 0; i < inputs.size(); i++) {
      ObjectNode o = arr.addObject();
      o.put("source", inputs.get(i).source());
      o.setAll((ObjectNode) Json.mapper().valueToTree(results.get(i)));
    }
    try {
      return Json.mapper().writeValueAsString(arr) + System.lineSeparator();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
