package th.or.codi.programme.provinces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.or.codi.programme.DemoApplicationTest;
import th.or.codi.programme.provinces.ProvinceReadiness.Readiness;

/** The deployed decision on the shipped reference data reproduces the seed's choice. */
@DemoApplicationTest
class ProvinceReadinessTest {

  private static final int FISCAL_YEAR_2562 = 2562;

  @Autowired ProvinceReferenceData referenceData;
  @Autowired ProvinceReadiness readiness;

  @Test
  void theSeedsThreePilotsComeOutPilotReadyAndNoOtherProvinceDoes() {
    List<String> pilotReady =
        referenceData.programmeProvinces().stream()
            .filter(p -> readiness.assess(p, FISCAL_YEAR_2562).readiness() == Readiness.PILOT_READY)
            .map(Province::nameEn)
            .toList();

    assertThat(pilotReady).containsExactlyInAnyOrder("Nakhon Sawan", "Saraburi", "Chai Nat");
  }

  @Test
  void everyAssessmentGivesAThaiReason() {
    for (Province province : referenceData.programmeProvinces()) {
      ProvinceReadiness.Assessment assessment = readiness.assess(province, FISCAL_YEAR_2562);
      assertThat(assessment.reason()).as(province.label()).containsPattern("\\p{InThai}{3,}");
    }
    assertThat(readiness.assess(referenceData.requireByCode("TH-60"), FISCAL_YEAR_2562).reason())
        .contains("flagship");
  }
}
