package dev.decaybench.model.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * A Kubernetes-style condition (like metav1.Condition), usable by
 * {@code kubectl wait --for=condition=Complete}. Set them through {@link Conditions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "status", "reason", "message", "lastTransitionTime",
    "observedGeneration"})
public class Condition {

  /** The run was validated and accepted (False with a reason when the spec is invalid). */
  public static final String ACCEPTED = "Accepted";
  /** Trials are being scheduled or are running. */
  public static final String PROGRESSING = "Progressing";
  /** Every trial reached a final state (or the run ended). */
  public static final String COMPLETE = "Complete";
  /** Something is wrong but the run goes on (retries, lost pods, time-outs). */
  public static final String DEGRADED = "Degraded";

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  @Required
  @JsonPropertyDescription("Accepted, Progressing, Complete or Degraded.")
  private String type;

  @Required
  @Pattern("^(True|False|Unknown)$")
  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("CamelCase reason of the last transition.")
  private String reason;

  @JsonPropertyDescription("Human-readable details.")
  private String message;

  @JsonPropertyDescription("RFC 3339 time of the last status change.")
  private String lastTransitionTime;

  @JsonPropertyDescription("metadata.generation the condition was computed from.")
  private Long observedGeneration;

  public Condition() {}

  public Condition(String type, String status, String reason, String message) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  public Condition(Condition other) {
    this(other.type, other.status, other.reason, other.message);
    this.lastTransitionTime = other.lastTransitionTime;
    this.observedGeneration = other.observedGeneration;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Condition c)) {
      return false;
    }
    return Objects.equals(type, c.type) && Objects.equals(status, c.status)
        && Objects.equals(reason, c.reason) && Objects.equals(message, c.message)
        && Objects.equals(lastTransitionTime, c.lastTransitionTime)
        && Objects.equals(observedGeneration, c.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, reason, message, lastTransitionTime, observedGeneration);
  }

  @Override
  public String toString() {
    return type + "=" + status + " (" + reason + ": " + message + ")";
  }
}
