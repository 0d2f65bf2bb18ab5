package dev.decaybench.e2e.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.e2e.cluster.AuditLog;
import dev.decaybench.e2e.cluster.E2eCluster;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.InstalledOperator;
import dev.decaybench.operator.testing.Await;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Status writes as production does them (server-side apply, the chart's default), judged by a
 * real API server: what the operator's field manager owns, and what happens when someone else
 * writes the run meanwhile (every write of theirs makes the operator's cached copy stale).
 */
class StatusWritesOnRealClusterTest extends RealClusterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final E2eCluster e2e = E2eCluster.get();

  StatusWritesOnRealClusterTest() {
    super(E2eCluster.get().controlPlane());
  }

  @Test
  void theOperatorOwnsOnlyTheRunsStatusNeverItsSpecOrMetadata() throws Exception {
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(80, true, null),
        Duration.ofMillis(500)));
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    EvaluationRun run = Runs.reference("owned", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres"), 1, 2);
    run.getMetadata().setLabels(Map.of("team", "a"));
    admin.resource(run).create();

    awaitSucceeded("owned");

    List<ManagedFieldsEntry> entries = Runs.get(admin, "owned").getMetadata().getManagedFields();
    List<ManagedFieldsEntry> operators = entries.stream()
        .filter(e -> e.getManager() != null && !e.getManager().startsWith("fabric8")
            || "status".equals(e.getSubresource()))
        .toList();
    assertThat(operators).as("managed fields %s", entries).isNotEmpty().allSatisfy(e -> {
      assertThat(e.getSubresource()).isEqualTo("status");
      JsonNode fields = JSON.valueToTree(e.getFieldsV1().getAdditionalProperties());
      assertThat(iterable(fields.fieldNames())).containsOnly("f:status");
    });
  }

  @Test
  void theStatusConvergesWithoutConflictsWhileAnotherWriterKeepsChangingTheRun()
      throws Exception {
    Instant start = Instant.now();
    e2e.node().play(pod -> new FakeKubelet.Succeed(Runs.compactResult(70, true, null),
        Duration.ofSeconds(1)));
    operator = InstalledOperator.start(e2e.controlPlane(), e2e.release(),
        Map.of("DECAYBENCH_STATUS_INTERVAL_SECONDS", "1"));
    admin.resource(Runs.reference("busy", List.of(Framework.FLASK),
        List.of("unconstrained", "postgres", "postgres-sqlalchemy", "clean_architecture"), 1, 2))
        .create();

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger writes = new AtomicInteger();
    Thread other = new Thread(() -> {
      while (writing.get()) {
        try {
          admin.resources(EvaluationRun.class).inNamespace(Runs.NS).withName("busy")
              .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":"
                  + "{\"touched\":\"" + writes.incrementAndGet() + "\"}}}");
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the run may not exist for a moment; keep writing
        }
      }
    });
    other.start();
    try {
      awaitSucceeded("busy");
    } finally {
      writing.set(false);
      other.join();
    }

    EvaluationRun run = Runs.get(admin, "busy");
    assertThat(writes.get()).isGreaterThan(20);
    assertThat(run.getStatus().getTrials().getEvaluated()).isEqualTo(4);
    assertThat(run.getStatus().getSummary().getTrials()).isEqualTo(4);
    assertThat(run.getStatus().getSummary().getAPct()).isEqualTo(70.0);
    // every transition announced once: a stale base would repeat one
    Map<String, Long> reasons = admin.v1().events().inNamespace(Runs.NS)
        .withField("involvedObject.name", "busy").list().getItems().stream()
        .collect(Collectors.groupingBy(Event::getReason, Collectors.summingLong(
            e -> e.getCount() == null ? 1 : e.getCount())));
    assertThat(reasons).allSatisfy((reason, count) ->
        assertThat(count).as("events %s", reasons).isEqualTo(1L));
    // the server's record: no status write of the operator was refused as stale
    List<AuditLog.Write> statusWrites = new AuditLog(e2e.controlPlane().auditLog())
        .writesBy(AuditLog.serviceAccountUser(Runs.NS, e2e.release().fullname()), start).stream()
        .filter(w -> "evaluationruns/status".equals(w.target())).toList();
    assertThat(statusWrites).isNotEmpty()
        .allSatisfy(w -> assertThat(w.code()).as("%s", w).isEqualTo(200));
  }

  private void awaitSucceeded(String name) {
    Await.until(Duration.ofSeconds(120), "run " + name + " Succeeded",
        () -> "Succeeded".equals(Runs.phase(Runs.get(admin, name))),
        () -> String.valueOf(Runs.get(admin, name).getStatus()));
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
