package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;

/** How each trial is evaluated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"extendedSuite", "keepFailedPods"})
public class EvaluationOptions {

  @Default("true")
  @JsonPropertyDescription("Also run decaybench's extended suite (default true).")
  private Boolean extendedSuite;

  @JsonPropertyDescription("Keep the pods of failed trials for inspection (operator only).")
  private Boolean keepFailedPods;

  public EvaluationOptions() {}

  /** Fills {@code extendedSuite} (true) when absent. */
  public EvaluationOptions applyDefaults() {
    if (extendedSuite == null) {
      extendedSuite = Boolean.TRUE;
    }
    return this;
  }

  /** {@code extendedSuite} as a plain boolean (absent = true). */
  @JsonIgnore
  public boolean isExtendedSuiteEnabled() {
    return extendedSuite == null || extendedSuite;
  }

  /** {@code keepFailedPods} as a plain boolean (absent = false). */
  @JsonIgnore
  public boolean isKeepFailedPodsEnabled() {
    return Boolean.TRUE.equals(keepFailedPods);
  }

  public Boolean getExtendedSuite() {
    return extendedSuite;
  }

  public void setExtendedSuite(Boolean extendedSuite) {
    this.extendedSuite = extendedSuite;
  }

  public Boolean getKeepFailedPods() {
    return keepFailedPods;
  }

  public void setKeepFailedPods(Boolean keepFailedPods) {
    this.keepFailedPods = keepFailedPods;
  }
}
