package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Per-run image overrides for trial pods; absent values use the operator's configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"runner", "postgres", "runtime"})
public class Images {

  @JsonPropertyDescription("Runner image (prepare and evaluation steps, built-in agents).")
  private String runner;

  @JsonPropertyDescription("PostgreSQL sidecar image.")
  private String postgres;

  @JsonPropertyDescription("Runtime image of the task family (app under test).")
  private String runtime;

  public Images() {}

  public String getRunner() {
    return runner;
  }

  public void setRunner(String runner) {
    this.runner = runner;
  }

  public String getPostgres() {
    return postgres;
  }

  public void setPostgres(String postgres) {
    this.postgres = postgres;
  }

  public String getRuntime() {
    return runtime;
  }

  public void setRuntime(String runtime) {
    this.runtime = runtime;
  }
}
