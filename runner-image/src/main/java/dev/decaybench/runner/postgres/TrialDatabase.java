package dev.decaybench.runner.postgres;

/** The PostgreSQL a trial's app talks to: ours (ephemeral) or a pod's sidecar (reset per trial). */
public interface TrialDatabase extends AutoCloseable {

  String jdbcUrl();

  @Override
  void close();
}
