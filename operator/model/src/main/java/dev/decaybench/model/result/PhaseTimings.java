package dev.decaybench.model.result;

/** Wall time per phase of one trial, in milliseconds. */
public record PhaseTimings(
    long sandbox, long postgres, long setup, long start, long suite, long verify, long total) {}
