package dev.decaybench.api.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One check of one request, named like the Postman test it mirrors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssertionResult(String name, boolean passed, String message) {}
