package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * What the agent's model costs, per million tokens, in whatever currency the user means (the
 * reports show plain numbers). Given, never guessed: without it there is no cost, only tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"inputPerMillion", "outputPerMillion"})
public class TokenPrice {

  @Required
  @Min(0)
  @JsonPropertyDescription("Price of one million prompt (input) tokens.")
  private Double inputPerMillion;

  @Required
  @Min(0)
  @JsonPropertyDescription("Price of one million completion (output) tokens.")
  private Double outputPerMillion;

  public TokenPrice() {}

  public TokenPrice(Double inputPerMillion, Double outputPerMillion) {
    this.inputPerMillion = inputPerMillion;
    this.outputPerMillion = outputPerMillion;
  }

  /** The cost of these tokens; null when either count is unknown (never a partial cost). */
  public Double cost(Long promptTokens, Long completionTokens) {
    if (promptTokens == null || completionTokens == null || inputPerMillion == null
        || outputPerMillion == null) {
      return null;
    }
    return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0;
  }

  public Double getInputPerMillion() {
    return inputPerMillion;
  }

  public void setInputPerMillion(Double inputPerMillion) {
    this.inputPerMillion = inputPerMillion;
  }

  public Double getOutputPerMillion() {
    return outputPerMillion;
  }

  public void setOutputPerMillion(Double outputPerMillion) {
    this.outputPerMillion = outputPerMillion;
  }
}
