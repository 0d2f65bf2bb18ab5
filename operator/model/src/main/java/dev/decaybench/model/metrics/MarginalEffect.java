package dev.decaybench.model.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The marginal effect of one constraint: the mean of (A% with it - A% without it) over its matched
 * pairs, with the standard error of that mean (sample standard deviation / sqrt(pairs); null with
 * fewer than two pairs). See docs/metrics.md for how pairs are formed.
 *
 * @param effect the constraint ({@code clean_architecture}, {@code postgres}, {@code sqlite},
 *     {@code sqlalchemy}, {@code sequelize}), {@code orm} (both ORMs pooled) or
 *     {@code sqlite_vs_postgres} (the database swapped, other constraints equal)
 * @param comparison what is subtracted from what, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"effect", "comparison", "pairs", "meanDiffAPct", "seAPct",
    "meanDiffStrictAPct", "seStrictAPct", "matchedPairs"})
public record MarginalEffect(
    String effect,
    String comparison,
    int pairs,
    Double meanDiffAPct,
    Double seAPct,
    Double meanDiffStrictAPct,
    Double seStrictAPct,
    List<MatchedPair> matchedPairs) {}
