/**
 * The classifier's vocabulary: the paper's failure taxonomy ({@link Taxonomy}), what a rule is
 * ({@link Rule}) and what it concludes ({@link Verdict}). Depends only on {@code classify.facts}
 * (a rule reads {@code Facts}).
 */
package dev.decaybench.runner.classify.model;
