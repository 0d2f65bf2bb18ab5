package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One task's trials folded together: n trials, c successes and the mean scores over its trials.
 * Framework, level and constraints come from the task's first trial.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskMetrics(
    String task,
    String framework,
    int level,
    List<String> constraints,
    int trials,
    int successes,
    double aPct,
    double strictAPct,
    Double strictAPctPlus,
    Double extendedPct) {}
