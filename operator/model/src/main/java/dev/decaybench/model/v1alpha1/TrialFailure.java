package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A failed trial's class in the paper's taxonomy (the compact form of
 * {@link dev.decaybench.model.result.FailureClass}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"coarse", "subcategory", "dataLayer"})
public class TrialFailure {

  @JsonPropertyDescription("Coarse class, e.g. server_startup_failure or logic_error.")
  private String coarse;

  @JsonPropertyDescription("Subcategory of a logic_error, e.g. incorrect_query_logic.")
  private String subcategory;

  @JsonPropertyDescription("True for data-layer defects (query logic, database runtime errors).")
  private Boolean dataLayer;

  public TrialFailure() {}

  public TrialFailure(String coarse, String subcategory, Boolean dataLayer) {
    this.coarse = coarse;
    this.subcategory = subcategory;
    this.dataLayer = dataLayer;
  }

  public String getCoarse() {
    return coarse;
  }

  public void setCoarse(String coarse) {
    this.coarse = coarse;
  }

  public String getSubcategory() {
    return subcategory;
  }

  public void setSubcategory(String subcategory) {
    this.subcategory = subcategory;
  }

  public Boolean getDataLayer() {
    return dataLayer;
  }

  public void setDataLayer(Boolean dataLayer) {
    this.dataLayer = dataLayer;
  }
}
