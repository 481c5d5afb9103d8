package th.or.codi.programme.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * People in Thailand write years in the Buddhist Era (พ.ศ. = ค.ศ. + 543). Dates are stored in the
 * Common Era; a plainly Buddhist-Era year is refused with an explanation and the date meant.
 */
class BuddhistEraTest {

  @Test
  void aBuddhistEraDateIsExplainedWithTheCommonEraDateMeant() throws IOException {
    assertThat(BusinessRulesTest.check("understanding-forum-plan", "forumDate", "2569-12-24"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("forumDate");
              assertThat(e.th())
                  .contains("ปี 2569 เป็นปี พ.ศ.")
                  .contains("ค.ศ.")
                  .contains("2026-12-24");
              assertThat(e.en())
                  .contains("2569 is a Buddhist Era (B.E.) year")
                  .contains("Did you mean 2026-12-24?");
            });
  }

  @Test
  void aBuddhistEraMonthIsExplainedToo() throws IOException {
    assertThat(BusinessRulesTest.check("implementation-monthly-report", "reportMonth", "2569-01"))
        .singleElement()
        .satisfies(e -> assertThat(e.en()).contains("Did you mean 2026-01?"));
  }

  @Test
  void aCommonEraFiscalYearIsExplainedTheOtherWayRound() throws IOException {
    assertThat(BusinessRulesTest.check("regional-programme-start", "fiscalYear", 2019L))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.th()).contains("พ.ศ. 2562");
              assertThat(e.en()).contains("2019 C.E. is 2562 B.E.");
            });
  }

  @Test
  void commonEraDatesPass() throws IOException {
    assertThat(BusinessRulesTest.check("understanding-forum-plan", "forumDate", "2026-12-24"))
        .isEmpty();
  }
}
