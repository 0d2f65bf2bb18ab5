/**
 * The classifier's own evaluation harness: labelled sets ({@link LabelledSet}), accuracy and the
 * confusion matrix ({@link Evaluation}). Sits on top: it may use the classifier and every other
 * classify package; nothing in classify depends on it.
 */
package dev.decaybench.runner.classify.evaluation;
