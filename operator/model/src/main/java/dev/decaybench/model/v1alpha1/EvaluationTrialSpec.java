package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * What one trial evaluates: a task of its run's suite, in one constraint variant, one repeat.
 * {@code repeat} and {@code attempt} count from 0; a new attempt (after an infrastructure
 * failure only) increments {@code attempt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runName", "task", "framework", "variant", "level", "repeat", "attempt"})
public class EvaluationTrialSpec {

  @Required
  @JsonPropertyDescription("Name of the owning EvaluationRun (same namespace).")
  private String runName;

  @Required
  @JsonPropertyDescription("Task name within the run's suite.")
  private String task;

  @JsonPropertyDescription("Framework of the task.")
  private Framework framework;

  @JsonPropertyDescription("Constraint variant, e.g. clean_architecture-postgres-sqlalchemy.")
  private String variant;

  @Min(0)
  @Max(3)
  @JsonPropertyDescription("Constraint level 0..3 (number of constraints).")
  private Integer level;

  @Min(0)
  @JsonPropertyDescription("Index of the repeat, 0..repeats-1.")
  private Integer repeat;

  @Min(0)
  @JsonPropertyDescription("Attempt number from 0; only infrastructure failures are retried.")
  private Integer attempt;

  public EvaluationTrialSpec() {}

  public EvaluationTrialSpec(String runName, String task, Framework framework, String variant,
      Integer level, Integer repeat, Integer attempt) {
    this.runName = runName;
    this.task = task;
    this.framework = framework;
    this.variant = variant;
    this.level = level;
    this.repeat = repeat;
    this.attempt = attempt;
  }

  public String getRunName() {
    return runName;
  }

  public void setRunName(String runName) {
    this.runName = runName;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public Framework getFramework() {
    return framework;
  }

  public void setFramework(Framework framework) {
    this.framework = framework;
  }

  public String getVariant() {
    return variant;
  }

  public void setVariant(String variant) {
    this.variant = variant;
  }

  public Integer getLevel() {
    return level;
  }

  public void setLevel(Integer level) {
    this.level = level;
  }

  public Integer getRepeat() {
    return repeat;
  }

  public void setRepeat(Integer repeat) {
    this.repeat = repeat;
  }

  public Integer getAttempt() {
    return attempt;
  }

  public void setAttempt(Integer attempt) {
    this.attempt = attempt;
  }
}
