/**
 * What the rules read, derived once per trial from its evidence: {@link Facts} and its parts
 * (requests matched to the collection, log signatures and raise sites, the agent's trajectory).
 * Depends only on {@code classify.input}.
 */
package dev.decaybench.runner.classify.facts;
