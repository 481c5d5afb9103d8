package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** What counts as a stage's result: only values that differ from the pipeline's own. */
class StageResultsTest {

  @Test
  void equalValuesAreNotHandedBack() {
    assertThat(StageResults.changed(Variables.stringValue("TH-60"), Variables.stringValue("TH-60")))
        .isFalse();
    assertThat(StageResults.changed(Variables.longValue(2L), Variables.longValue(2L))).isFalse();
    assertThat(StageResults.changed(Variables.untypedNullValue(), Variables.untypedNullValue()))
        .isFalse();
    assertThat(
            StageResults.changed(
                SpinValues.jsonValue("[\"a\",\"b\"]").create(),
                SpinValues.jsonValue("[\"a\",\"b\"]").create()))
        .isFalse();
  }

  @Test
  void changedValuesTypesAndNullsAreHandedBack() {
    assertThat(
            StageResults.changed(
                Variables.stringValue("on-track"), Variables.stringValue("at-risk")))
        .isTrue();
    assertThat(StageResults.changed(Variables.longValue(2L), Variables.integerValue(2))).isTrue();
    assertThat(StageResults.changed(Variables.untypedNullValue(), Variables.stringValue("x")))
        .isTrue();
    assertThat(StageResults.changed(Variables.stringValue("x"), Variables.untypedNullValue()))
        .isTrue();
    assertThat(
            StageResults.changed(
                SpinValues.jsonValue("[\"a\"]").create(),
                SpinValues.jsonValue("[\"a\",\"b\"]").create()))
        .isTrue();
  }
}
