package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.Framework;
import dev.decaybench.operator.DecaybenchOperator;
import dev.decaybench.operator.config.OperatorConfig;
import dev.decaybench.operator.testing.FakeKubelet;
import dev.decaybench.operator.testing.OperatorTestBase;
import dev.decaybench.operator.testing.Runs;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two replicas with a Lease: one works, and the other takes over when it goes. */
class LeaderElectionTest extends OperatorTestBase {

  @Test
  void aStandbyReplicaTakesOverWhenTheLeaderStops() {
    // JOSDK checks its Lease permissions with a SelfSubjectRulesReview, which CRUD mode cannot answer
    server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus()
            .addNewResourceRule().withApiGroups("coordination.k8s.io").withResources("leases")
            .withVerbs("*").endResourceRule().withIncomplete(false).endStatus().build())
        .always();
    Map<String, String> ha = new HashMap<>(testSettings());
    ha.putAll(Map.of("DECAYBENCH_LEADER_ELECTION", "true", "DECAYBENCH_LEASE_NAMESPACE", Runs.NS,
        // 8 s lets a renewal take up to 5 s: with 3 s, a leader stalled for 2 s by a loaded
        // machine loses the lease for good (JOSDK does not run for it again) and, once the
        // other replica is stopped, nobody reconciles
        "DECAYBENCH_LEASE_DURATION_SECONDS", "8", "DECAYBENCH_EXIT_ON_LOST_LEADERSHIP", "false"));
    List<DecaybenchOperator> replicas = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        replicas.add(DecaybenchOperator.start(OperatorConfig.load(ha, List.of()),
            client.getConfiguration(), Clock.systemUTC()));
      }
      startKubelet(pod -> new FakeKubelet.Succeed(result(100, true, null), Duration.ofMillis(50)),
          Duration.ofMillis(10));
      create(Runs.reference("first", List.of(Framework.FLASK), List.of("postgres"), 2, 2));
      awaitPhase("first", "Succeeded", Duration.ofSeconds(60));
      String holder = holder();
      DecaybenchOperator leader = replicas.stream().filter(r -> r.identity().equals(holder))
          .findFirst().orElseThrow(() -> new AssertionError("lease held by " + holder));

      leader.close();
      replicas.remove(leader);
      create(Runs.reference("second", List.of(Framework.FLASK), List.of("sqlite"), 2, 2));
      awaitPhase("second", "Succeeded", Duration.ofSeconds(60));
      assertThat(Runs.trials(client, "second")).hasSize(2);
      assertThat(holder()).isEqualTo(replicas.get(0).identity());
    } finally {
      replicas.forEach(DecaybenchOperator::close);
    }
  }

  private String holder() {
    Lease lease = client.leases().inNamespace(Runs.NS).withName("decaybench-operator").get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
