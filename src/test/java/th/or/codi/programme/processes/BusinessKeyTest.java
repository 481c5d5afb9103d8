package th.or.codi.programme.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BusinessKeyTest {

  @Test
  void aPipelineIsNamedByProvinceBuddhistEraFiscalYearAndWave() {
    assertThat(BusinessKey.format("TH-16", 2570L, 1L)).isEqualTo("TH-16/2570-1");
    assertThat(BusinessKey.format("TH-60", 2562, 12)).isEqualTo("TH-60/2562-12");
    assertThat(new BusinessKey("TH-16", 2570, 1)).hasToString("TH-16/2570-1");
  }

  @Test
  void aKeyIsReadBackIntoItsParts() {
    assertThat(BusinessKey.parse("TH-60/2562-12")).contains(new BusinessKey("TH-60", 2562, 12));
  }

  @Test
  void anotherKeyHasNoParts() {
    assertThat(BusinessKey.parse("PROGRAMME-2570")).isEmpty();
    assertThat(BusinessKey.parse("TH-60/2562")).isEmpty();
    assertThat(BusinessKey.parse("TH-60/2562-1 ")).isEmpty();
    assertThat(BusinessKey.parse(null)).isEmpty();
  }

  @Test
  void theProgrammeIsNamedByItsFiscalYear() {
    assertThat(BusinessKey.programme(2570L)).isEqualTo("PROGRAMME-2570");
  }
}
