package dev.decaybench.model.v1alpha1;

import static dev.decaybench.model.v1alpha1.RunPhase.CANCELLED;
import static dev.decaybench.model.v1alpha1.RunPhase.FAILED;
import static dev.decaybench.model.v1alpha1.RunPhase.PENDING;
import static dev.decaybench.model.v1alpha1.RunPhase.RUNNING;
import static dev.decaybench.model.v1alpha1.RunPhase.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunPhaseTest {

  @Test
  void onlyForwardMovesAreAllowed() {
    assertAllowed(PENDING, EnumSet.of(RUNNING, FAILED, CANCELLED));
    assertAllowed(RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED));
    assertAllowed(SUCCEEDED, EnumSet.noneOf(RunPhase.class));
    assertAllowed(FAILED, EnumSet.noneOf(RunPhase.class));
    assertAllowed(CANCELLED, EnumSet.noneOf(RunPhase.class));
    assertThat(PENDING.canMoveTo(null)).isFalse();
  }

  private static void assertAllowed(RunPhase from, Set<RunPhase> allowed) {
    for (RunPhase to : RunPhase.values()) {
      assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
    }
    assertThat(from.isTerminal()).isEqualTo(allowed.isEmpty());
  }
}
