package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Prompt and completion tokens; absent when unknown (never 0 for unknown). */
public class TokenCounts {

  @JsonPropertyDescription("Prompt (input) tokens.")
  private Long promptTokens;
  @JsonPropertyDescription("Completion (output) tokens.")
  private Long completionTokens;

  public TokenCounts() {}

  public TokenCounts(Long promptTokens, Long completionTokens) {
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
  }

  public Long getPromptTokens() {
    return promptTokens;
  }

  public void setPromptTokens(Long promptTokens) {
    this.promptTokens = promptTokens;
  }

  public Long getCompletionTokens() {
    return completionTokens;
  }

  public void setCompletionTokens(Long completionTokens) {
    this.completionTokens = completionTokens;
  }
}
