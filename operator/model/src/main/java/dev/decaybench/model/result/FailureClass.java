package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a trial failed, in the paper's taxonomy. {@code subcategory} is set only for
 * {@code logic_error}; {@code dataLayer} is true for incorrect_query_logic and
 * database_runtime_error. {@code evidence} holds the log lines, failed requests and verifier
 * findings that decided it; {@code rule} names the rule that fired (or "judge").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureClass(
    String coarse,
    String subcategory,
    boolean dataLayer,
    double confidence,
    String rule,
    List<String> evidence) {}
