/**
 * The evidence of one trial ({@link TrialEvidence}) and its readers: decaybench trial directories
 * and results, Newman reports, the paper's failure samples, logs and trajectories, and the Conduit
 * collection that names the suite's requests. The bottom of {@code classify}: it depends on no
 * other classify package.
 */
package dev.decaybench.runner.classify.input;
