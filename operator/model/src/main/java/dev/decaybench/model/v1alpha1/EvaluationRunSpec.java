package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * What to evaluate and how: the agent, the task selection, repeats, parallelism, time-outs and
 * evaluation options. This is also the file {@code decaybench run -f} reads. Absent optional
 * values are filled by {@link #applyDefaults()} (the API server applies the same defaults from
 * the CRD schema to the fields it sees).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"agent", "tasks", "repeats", "parallelism", "timeouts", "evaluation",
    "suspend", "cancel", "images"})
public class EvaluationRunSpec {

  public static final int DEFAULT_REPEATS = 3;
  public static final int DEFAULT_PARALLELISM = 2;

  @Required
  @JsonPropertyDescription("The agent that produces each trial's solution.")
  private AgentSpec agent;

  @JsonPropertyDescription("Which tasks to run: suite, frameworks, levels or variants, names.")
  private TaskSelection tasks;

  @Min(1)
  @Max(100)
  @Default("3")
  @JsonPropertyDescription("Trials per task and variant (the paper uses 3).")
  private Integer repeats;

  @Min(1)
  @Max(1000)
  @Default("2")
  @JsonPropertyDescription("At most this many trials of this run execute at once.")
  private Integer parallelism;

  @JsonPropertyDescription("Time limits of a trial, the whole run and the app's health check.")
  private Timeouts timeouts;

  @JsonPropertyDescription("Evaluation options.")
  private EvaluationOptions evaluation;

  @JsonPropertyDescription("When true, no new trial starts; running trials finish.")
  private Boolean suspend;

  @JsonPropertyDescription("When true, the run is cancelled: no new trial starts, unfinished"
      + " trials stop (reason RunEnded) and their pods are deleted, the phase becomes Cancelled."
      + " A run that has ended stays as it is; setting it back to false undoes nothing.")
  private Boolean cancel;

  @JsonPropertyDescription("Images of the trial pods (operator only); defaults come from the"
      + " operator's configuration.")
  private Images images;

  public EvaluationRunSpec() {}

  /**
   * Fills every absent defaulted value: tasks (with suite {@code constraint-decay}), repeats 3,
   * parallelism 2, evaluation.extendedSuite true. Present values, even invalid ones, are kept so
   * that validation reports them. Returns this spec.
   */
  public EvaluationRunSpec applyDefaults() {
    if (tasks == null) {
      tasks = new TaskSelection();
    }
    tasks.applyDefaults();
    if (repeats == null) {
      repeats = DEFAULT_REPEATS;
    }
    if (parallelism == null) {
      parallelism = DEFAULT_PARALLELISM;
    }
    if (evaluation == null) {
      evaluation = new EvaluationOptions();
    }
    evaluation.applyDefaults();
    return this;
  }

  /** {@code suspend} read as a plain boolean (absent = false). */
  @JsonIgnore
  public boolean isSuspended() {
    return Boolean.TRUE.equals(suspend);
  }

  /** {@code cancel} read as a plain boolean (absent = false). */
  @JsonIgnore
  public boolean isCancelRequested() {
    return Boolean.TRUE.equals(cancel);
  }

  public AgentSpec getAgent() {
    return agent;
  }

  public void setAgent(AgentSpec agent) {
    this.agent = agent;
  }

  public TaskSelection getTasks() {
    return tasks;
  }

  public void setTasks(TaskSelection tasks) {
    this.tasks = tasks;
  }

  public Integer getRepeats() {
    return repeats;
  }

  public void setRepeats(Integer repeats) {
    this.repeats = repeats;
  }

  public Integer getParallelism() {
    return parallelism;
  }

  public void setParallelism(Integer parallelism) {
    this.parallelism = parallelism;
  }

  public Timeouts getTimeouts() {
    return timeouts;
  }

  public void setTimeouts(Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  public EvaluationOptions getEvaluation() {
    return evaluation;
  }

  public void setEvaluation(EvaluationOptions evaluation) {
    this.evaluation = evaluation;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public Boolean getCancel() {
    return cancel;
  }

  public void setCancel(Boolean cancel) {
    this.cancel = cancel;
  }

  public Images getImages() {
    return images;
  }

  public void setImages(Images images) {
    this.images = images;
  }
}
