package dev.decaybench.model.result;

import java.util.List;

/**
 * decaybench's extended behaviour suite, reported beside the paper's numbers and never mixed
 * into A%: its totals and every request with its checks.
 */
public record ExtendedResult(int passed, int total, List<RequestResult> requests) {}
