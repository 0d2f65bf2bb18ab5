package dev.decaybench.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationTrial;
import dev.decaybench.model.v1alpha1.EvaluationTrialSpec;
import org.junit.jupiter.api.Test;

class CreatedPodsTest {

  private final CreatedPods created = new CreatedPods();

  @Test
  void aNewTrialOfTheSameNameIsNotTakenForTheOneWhosePodWasCreated() {
    created.add(trial("r-0", "uid-old"), "r-0-a0", id -> true);

    assertThat(created.contains(trial("r-0", "uid-old"), "r-0-a0")).isTrue();
    assertThat(created.contains(trial("r-0", "uid-new"), "r-0-a0")).isFalse();
  }

  @Test
  void onlyTheCurrentAttemptsPodCounts() {
    created.add(trial("r-0", "uid"), "r-0-a0", id -> true);
    created.add(trial("r-0", "uid"), "r-0-a1", id -> true);

    assertThat(created.contains(trial("r-0", "uid"), "r-0-a0")).isFalse();
    assertThat(created.contains(trial("r-0", "uid"), "r-0-a1")).isTrue();
    created.remove(trial("r-0", "uid"));
    assertThat(created.contains(trial("r-0", "uid"), "r-0-a1")).isFalse();
  }

  @Test
  void trialsDeletedWithoutALastReconciliationAreForgottenAtTheNextCreate() {
    created.add(trial("r-0", "uid-0"), "r-0-a0", id -> true);
    created.add(trial("r-1", "uid-1"), "r-1-a0", id -> true);

    created.add(trial("s-0", "uid-2"), "s-0-a0", id -> !id.getName().startsWith("r-"));

    assertThat(created.contains(trial("r-0", "uid-0"), "r-0-a0")).isFalse();
    assertThat(created.contains(trial("r-1", "uid-1"), "r-1-a0")).isFalse();
    assertThat(created.contains(trial("s-0", "uid-2"), "s-0-a0")).isTrue();
  }

  private static EvaluationTrial trial(String name, String uid) {
    EvaluationTrial t = new EvaluationTrial(name, new EvaluationTrialSpec());
    t.getMetadata().setNamespace("bench");
    t.getMetadata().setUid(uid);
    return t;
  }
}
