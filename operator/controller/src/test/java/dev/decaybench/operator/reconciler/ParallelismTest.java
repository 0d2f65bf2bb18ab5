package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelismTest extends OperatorTestBase {

  @Test
  void neitherARunsParallelismNorTheGlobalLimitIsExceeded() {
    startOperator(Map.of("DECAYBENCH_GLOBAL_PARALLELISM", "4"));
    startKubelet(pod -> new FakeKubelet.Succeed(result(90, false, "logic_error"),
        Duration.ofMillis(300)), Duration.ofMillis(20));
    // pods finish only once 3 ran together: on a loaded machine 300 ms may pass before the
    // operator starts the next one, and "at least 3 at once" must not depend on that
    kubelet.holdWhile(() -> kubelet.maxRunning() < 3);
    AtomicInteger maxOwnA = new AtomicInteger();
    AtomicInteger maxAll = new AtomicInteger();
    Thread watcher = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        List<EvaluationTrial> all = client.resources(EvaluationTrial.class).inNamespace(Runs.NS)
            .list().getItems().stream().filter(t -> t.getStatus() == null).toList();
        maxAll.accumulateAndGet(all.size(), Math::max);
        maxOwnA.accumulateAndGet((int) all.stream()
            .filter(t -> t.getSpec().getRunName().equals("wide")).count(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    try {
      // "wide" asks for 3 at once, "other" for 3: the global limit of 4 holds them to 4 together
      create(Runs.reference("wide", List.of(Framework.FLASK), null, 1, 3));
      create(Runs.reference("other", List.of(Framework.EXPRESS), null, 1, 3));
      awaitPhase("wide", "Succeeded", Duration.ofSeconds(90));
      awaitPhase("other", "Succeeded", Duration.ofSeconds(90));
    } finally {
      watcher.interrupt();
    }
    assertThat(Runs.trials(client, "wide")).hasSize(10);
    assertThat(kubelet.maxRunning()).isLessThanOrEqualTo(4).isGreaterThanOrEqualTo(3);
    assertThat(maxOwnA.get()).isLessThanOrEqualTo(3);
    assertThat(maxAll.get()).isLessThanOrEqualTo(4);
    assertThat(Runs.get(client, "wide").getStatus().getSummary().getFailureClasses())
        .containsEntry("logic_error", 10);
    Await.until(Duration.ofSeconds(60), "pods deleted", () -> Runs.pods(client, "wide").isEmpty());
  }
}
