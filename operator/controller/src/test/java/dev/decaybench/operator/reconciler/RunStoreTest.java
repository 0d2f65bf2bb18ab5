package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationRunStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunStoreTest {

  private final StatusBatcher batcher = new StatusBatcher(Duration.ofSeconds(5));
  private final RunStore store = new RunStore(batcher::forget);

  @Test
  void aRunThatLeavesTheCacheIsForgottenByTheStatusBatcher() {
    EvaluationRun run = run("uid-1");
    store.put(store.getKey(run), run);
    batcher.written("uid-1", new EvaluationRunStatus(), Instant.now());

    store.put(store.getKey(run), run); // an update keeps it
    assertThat(batcher.lastWritten("uid-1")).isNotNull();

    store.remove(store.getKey(run));
    assertThat(batcher.lastWritten("uid-1")).isNull();
    assertThat(store.size()).isZero();
  }

  @Test
  void aRunReplacedByANewOneOfTheSameNameIsForgotten() {
    EvaluationRun old = run("uid-1");
    store.put(store.getKey(old), old);
    batcher.written("uid-1", new EvaluationRunStatus(), Instant.now());
    EvaluationRun recreated = run("uid-2"); // deleted and re-created while the watch was down
    store.put(store.getKey(recreated), recreated);
    assertThat(batcher.lastWritten("uid-1")).isNull();
    assertThat(store.get("bench/r").getMetadata().getUid()).isEqualTo("uid-2");
  }

  private static EvaluationRun run(String uid) {
    EvaluationRun run = new EvaluationRun();
    run.getMetadata().setName("r");
    run.getMetadata().setNamespace("bench");
    run.getMetadata().setUid(uid);
    return run;
  }
}
