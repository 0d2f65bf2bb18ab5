package dev.decaybench.model.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.decaybench.model.v1alpha1.EvaluationOptions;
import dev.decaybench.model.v1alpha1.EvaluationRunSpec;
import dev.decaybench.model.v1alpha1.Timeouts;
import org.junit.jupiter.api.Test;

class TrialSettingsTest {

  @Test
  void anEmptySpecTakesThePathsTrialLimitAndTheSharedDefaults() {
    EvaluationRunSpec spec = new EvaluationRunSpec();

    assertThat(TrialSettings.of(spec, Timeouts.DEFAULT_TRIAL_SECONDS))
        .isEqualTo(new TrialSettings(3600, TrialSettings.DEFAULT_HEALTH_SECONDS, true));
    // the operator's trials.defaultTrialSeconds replaces only the trial limit
    assertThat(TrialSettings.of(spec, 900).trialSeconds()).isEqualTo(900);
  }

  @Test
  void theSpecsValuesWinOverEveryDefault() {
    EvaluationRunSpec spec = new EvaluationRunSpec();
    spec.setTimeouts(new Timeouts(120, null, 15));
    EvaluationOptions evaluation = new EvaluationOptions();
    evaluation.setExtendedSuite(false);
    spec.setEvaluation(evaluation);

    assertThat(TrialSettings.of(spec, 900)).isEqualTo(new TrialSettings(120, 15, false));
  }
}
