package dev.decaybench.model.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");
  private static final Instant T1 = Instant.parse("2026-01-01T11:00:00Z");

  @Test
  void keepsTransitionTimeWhileStatusIsUnchanged() {
    List<Condition> list = new ArrayList<>();
    assertThat(Conditions.set(list, Condition.PROGRESSING, Condition.TRUE, "TrialsRunning",
        "1/10", 1L, T0)).isTrue();
    assertThat(list.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");

    assertThat(Conditions.set(list, Condition.PROGRESSING, Condition.TRUE, "TrialsRunning",
        "5/10", 1L, T1)).isTrue();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).getMessage()).isEqualTo("5/10");
    assertThat(list.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");

    assertThat(Conditions.set(list, Condition.PROGRESSING, Condition.TRUE, "TrialsRunning",
        "5/10", 1L, T1)).as("no change").isFalse();

    assertThat(Conditions.set(list, Condition.PROGRESSING, Condition.FALSE, "AllTrialsDone",
        "10/10", 1L, T1)).isTrue();
    assertThat(list.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
  }

  @Test
  void oneConditionPerTypeInInsertionOrder() {
    List<Condition> list = new ArrayList<>();
    Conditions.set(list, Condition.ACCEPTED, Condition.TRUE, "Valid", "", 1L, T0);
    Conditions.set(list, Condition.PROGRESSING, Condition.TRUE, "Started", "", 1L, T0);
    Conditions.set(list, Condition.ACCEPTED, Condition.FALSE, "InvalidSpec", "bad", 2L, T1);
    assertThat(list).extracting(Condition::getType)
        .containsExactly(Condition.ACCEPTED, Condition.PROGRESSING);
    assertThat(Conditions.isTrue(list, Condition.ACCEPTED)).isFalse();
    assertThat(Conditions.isTrue(list, Condition.PROGRESSING)).isTrue();
    assertThat(Conditions.find(list, Condition.COMPLETE)).isEmpty();
    assertThat(Conditions.remove(list, Condition.PROGRESSING)).isTrue();
    assertThat(list).hasSize(1);
  }

  @Test
  void longMessagesAreCut() {
    List<Condition> list = new ArrayList<>();
    Conditions.set(list, Condition.DEGRADED, Condition.TRUE, "Retries", "x".repeat(10_000), null,
        T0);
    assertThat(list.get(0).getMessage()).hasSize(Conditions.MAX_MESSAGE_LENGTH).endsWith("...");
  }
}
