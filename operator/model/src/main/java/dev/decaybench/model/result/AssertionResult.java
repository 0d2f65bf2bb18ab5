package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One check of one request. {@code name} is the Postman test's own name, exactly as the
 * collection writes it (so a Newman report matches by name); {@code decaybenchName} is
 * decaybench's wording of the same check, set only where the two differ.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "decaybenchName", "passed", "message"})
public record AssertionResult(String name, boolean passed, String message, String decaybenchName) {

  public AssertionResult(String name, boolean passed, String message) {
    this(name, passed, message, null);
  }

  /** decaybench's wording when it has its own, else the name. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String wording() {
    return decaybenchName != null ? decaybenchName : name;
  }
}
