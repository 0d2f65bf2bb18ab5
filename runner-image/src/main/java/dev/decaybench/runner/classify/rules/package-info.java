/**
 * The classification rules: the {@code *Rules} classes, their helper {@code Evidence}, and
 * {@link RuleOrder}, the order in which they are tried. Rules read {@code classify.facts} (and the
 * evidence in {@code classify.input}) and answer in the terms of {@code classify.model}; nothing
 * here knows the classifier, the judge or the evaluation.
 */
package dev.decaybench.runner.classify.rules;
