package dev.decaybench.e2e.cluster;

import dev.decaybench.operator.DecaybenchOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;

/** A test with an admin client and, once it starts one, an operator; both closed after it. */
public abstract class RealClusterTest {

  protected final KubernetesClient admin;
  protected DecaybenchOperator operator;

  protected RealClusterTest(ControlPlane controlPlane) {
    this.admin = controlPlane.admin();
  }

  @AfterEach
  void stopOperatorAndCloseClient() {
    if (operator != null) {
      operator.close();
    }
    admin.close();
  }
}
