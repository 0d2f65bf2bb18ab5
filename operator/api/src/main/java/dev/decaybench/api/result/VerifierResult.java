package dev.decaybench.api.result;

import java.util.List;

/**
 * One constraint check. {@code source} says which family it belongs to: {@code paper} (the
 * paper's static checks, which decide strict A%) or {@code runtime} (decaybench's stronger checks).
 */
public record VerifierResult(String name, String source, boolean passed, String reason,
    List<String> evidence) {

  public static final String PAPER = "paper";
}
