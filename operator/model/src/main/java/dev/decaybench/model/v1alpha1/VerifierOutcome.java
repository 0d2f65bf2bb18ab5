package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;

/** The outcome of one constraint verifier of a trial. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "passed"})
public class VerifierOutcome {

  @Required
  private String name;
  @Required
  private boolean passed;

  public VerifierOutcome() {}

  public VerifierOutcome(String name, boolean passed) {
    this.name = name;
    this.passed = passed;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isPassed() {
    return passed;
  }

  public void setPassed(boolean passed) {
    this.passed = passed;
  }
}
