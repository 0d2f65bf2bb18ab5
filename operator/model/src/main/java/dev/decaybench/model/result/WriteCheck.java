package dev.decaybench.model.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the trial's database held right after one write of the paper's suite answered 2xx: was
 * the created comment, the favourite or the follow committed? {@code where} names the table (and
 * column) it was found in, or what was looked at when it was not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteCheck(String request, String thing, boolean stored, String where) {}
