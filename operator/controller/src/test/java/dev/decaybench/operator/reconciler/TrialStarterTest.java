package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.plan.PlannedTrial;
import dev.decaybench.model.plan.TaskRef;
import dev.decaybench.model.v1alpha1.EvaluationRun;
import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.metrics.OperatorMetrics;
import dev.decaybench.operator.testing.Crds;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class TrialStarterTest {

  KubernetesClient client;
  private final List<EvaluationTrial> cache = new ArrayList<>();
  private final TrialStarter starter = starter(cache);
  private EvaluationRun run;
  private List<PlannedTrial<TaskRef>> plan;

  @BeforeEach
  void createRun() {
    Crds.install(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Runs.NS)
        .endMetadata().build()).create();
    run = client.resource(Runs.reference("r", List.of(Framework.FLASK), null, 2, 3)).create();
    run.getSpec().applyDefaults();
    plan = new RunAdmission().admit(run, List.of()).plan();
  }

  @Test
  void aRunDeletedWhileTheCacheStillShowsItGetsNoTrialsAgain() {
    assertThat(starter.start(client, cache::add, run, plan, List.of()).created()).hasSize(3);
    client.resource(run).delete();
    trials().forEach(t -> client.resource(t).delete()); // the garbage collector's work

    // a reconciliation on the cached run, after its trials left the trial cache
    TrialStarter.Started again = starter.start(client, cache::add, run, plan, List.of());

    assertThat(again.created()).isEmpty();
    assertThat(again.runGone()).isTrue();
    assertThat(trials()).isEmpty();
  }

  @Test
  void aTrialDeletedFromALiveRunIsStartedAgain() {
    List<EvaluationTrial> first = starter.start(client, cache::add, run, plan, List.of())
        .created();
    client.resource(first.get(1)).delete();

    TrialStarter.Started again = starter.start(client, cache::add, run, plan,
        List.of(first.get(0), first.get(2)));

    assertThat(again.runGone()).isFalse();
    assertThat(again.created()).extracting(t -> t.getMetadata().getName())
        .containsExactly(first.get(1).getMetadata().getName());
    assertThat(trials()).hasSize(3);
  }

  @Test
  void aNewRunOfTheSameNameIsNotTakenForTheDeletedOne() {
    starter.start(client, cache::add, run, plan, List.of());
    client.resource(run).delete();
    trials().forEach(t -> client.resource(t).delete());
    client.resource(Runs.reference("r", List.of(Framework.FLASK), null, 2, 3)).create();

    TrialStarter.Started again = starter.start(client, cache::add, run, plan, List.of());

    assertThat(again.runGone()).isTrue();
    assertThat(trials()).isEmpty();
  }

  @Test
  void aForgottenRunIsNotLookedUpAgain() {
    starter.start(client, cache::add, run, plan, List.of());
    starter.forget(run.getMetadata().getUid());
    trials().forEach(t -> client.resource(t).delete());

    // nothing remembered: the trials are new to this process and started without a look-up
    assertThat(starter.start(client, cache::add, run, plan, List.of()).created()).hasSize(3);
  }

  private List<EvaluationTrial> trials() {
    return client.resources(EvaluationTrial.class).inNamespace(Runs.NS).list().getItems();
  }

  private static TrialStarter starter(List<EvaluationTrial> cache) {
    TrialSlots slots = new TrialSlots(100, Clock.systemUTC());
    slots.bind(cache::stream);
    return new TrialStarter(slots, new OperatorMetrics(new SimpleMeterRegistry(), 10));
  }
}
