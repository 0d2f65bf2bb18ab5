package dev.decaybench.e2e.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.e2e.cluster.OperatorlessTrial;
import dev.decaybench.e2e.cluster.RealClusterTest;
import dev.decaybench.e2e.cluster.RealNodeCluster;
import dev.decaybench.operator.pod.TrialPodFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trial pod's PostgreSQL boundary, in the pod the operator builds, on the real node: the
 * agent cannot reach PostgreSQL (the sidecar starts after it), and the app's role owns conduit
 * but is no superuser (no {@code COPY ... TO PROGRAM}, no changes to template1). The agent and
 * evaluate containers are swapped for probes; everything else is the factory's pod.
 */
class PostgresBoundaryOnRealNodeTest extends RealClusterTest {

  /** What the agent container sees of port 5432 while it works. */
  private static final String AGENT_PROBE = "if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null;"
      + " then echo reachable; else echo unreachable; fi > /workspace/agent-probe.txt";

  /** What the app's role may do, in the evaluate container's image (Python with psycopg2). */
  private static final String APP_PROBE = String.join("\n",
      "import psycopg2",
      "out = {'agent': open('/workspace/agent-probe.txt').read().strip()}",
      "c = psycopg2.connect(host='postgres', port=5432, user='user', password='password',",
      "                     dbname='conduit')",
      "c.autocommit = True",
      "cur = c.cursor()",
      "cur.execute('select rolsuper from pg_roles where rolname = current_user')",
      "out['superuser'] = cur.fetchone()[0]",
      "cur.execute('create table owned (id int)')",
      "out['createTable'] = True",
      "for name, sql in [('copyToProgram', \"copy (select 1) to program 'true'\"),",
      "                  ('alterTemplate', 'alter database template1 set"
          + " default_transaction_read_only = on')]:",
      "    try:",
      "        cur.execute(sql)",
      "        out[name] = 'allowed'",
      "    except Exception as e:",
      "        out[name] = 'refused'",
      "import json",
      "open('/dev/termination-log', 'w').write(json.dumps(out, sort_keys=True))");

  RealNodeCluster cluster = RealNodeCluster.get();

  PostgresBoundaryOnRealNodeTest() {
    super(RealNodeCluster.get().controlPlane());
  }

  @Test
  void theAgentCannotReachPostgresAndTheAppsRoleIsNoSuperuser() {
    try (OperatorlessTrial trial = OperatorlessTrial.create(admin, cluster, "pg-boundary")) {
      probe(trial);
    }
  }

  private void probe(OperatorlessTrial trial) {
    Pod pod = trial.pod();
    for (Container c : pod.getSpec().getInitContainers()) {
      if (c.getName().equals(TrialPodFactory.AGENT)) {
        c.setCommand(List.of("bash", "-c", AGENT_PROBE));
        c.setArgs(null);
      }
    }
    Container evaluate = pod.getSpec().getContainers().get(0);
    evaluate.setCommand(List.of("python3", "-c", APP_PROBE));
    evaluate.setArgs(null);
    Pod done = trial.runToEnd(pod, Duration.ofMinutes(4));
    ContainerStatus probe = done.getStatus().getContainerStatuses().get(0);
    String message = probe.getState().getTerminated().getMessage();
    System.out.println("postgres boundary in the pod: " + message);
    assertThat(probe.getState().getTerminated().getExitCode()).as(message).isZero();
    assertThat(message).contains("\"agent\": \"unreachable\"", "\"superuser\": false",
        "\"createTable\": true", "\"copyToProgram\": \"refused\"",
        "\"alterTemplate\": \"refused\"");
  }
}
