package dev.decaybench.model.result;

import java.util.List;

/**
 * One constraint check. {@code source} says which family it belongs to: {@code paper} (the
 * paper's static checks, which decide strict A%) or {@code decaybench} (the stronger checks:
 * import graph, runtime database proof, ORM usage, which decide strict A% plus).
 */
public record VerifierResult(String name, String source, boolean passed, String reason,
    List<String> evidence) {

  public static final String PAPER = "paper";
}
