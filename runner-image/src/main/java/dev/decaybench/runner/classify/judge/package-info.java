/**
 * The optional LLM judge, asked when the rules are unsure: {@link JudgeClient} (any
 * OpenAI-compatible chat endpoint) and the message it sends. Depends on {@code classify.input},
 * {@code classify.facts} and {@code classify.model}, never on the rules or the classifier.
 */
package dev.decaybench.runner.classify.judge;
