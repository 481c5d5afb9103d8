package th.or.codi.programme.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ThaiCalendarTest {

  @Test
  void yearsConvertBetweenTheErasAsTheSeedDatesThem() {
    // ThaiHealth's status of the pilots: 9 April 2019 = 9 เม.ย. 2562
    assertThat(ThaiCalendar.buddhistYear(2019)).isEqualTo(2562);
    assertThat(ThaiCalendar.commonYear(2562)).isEqualTo(2019);
    assertThat(ThaiCalendar.BUDDHIST_ERA_OFFSET).isEqualTo(543);
    assertThat(ThaiCalendar.commonYear(ThaiCalendar.buddhistYear(2026))).isEqualTo(2026);
  }

  @Test
  void momentsAreShownInThailandsTimeWithTheBuddhistEraYear() {
    // 17:30 UTC on 31 December 2025 is already 1 January 2569 in Thailand
    Instant newYear = Instant.parse("2025-12-31T17:30:05Z");
    assertThat(ThaiCalendar.thaiDateTime(newYear)).isEqualTo("1/1/2569 00:30:05");
    assertThat(ThaiCalendar.thaiMinutes(Date.from(newYear))).isEqualTo("1/1/2569 00:30 น.");
    assertThat(ThaiCalendar.englishMinutes(Date.from(newYear))).isEqualTo("2026-01-01 00:30");
    assertThat(ThaiCalendar.dateOf(newYear)).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(ThaiCalendar.thaiMinutes(null)).isEmpty();
  }

  @Test
  void aDayReadsWithTheMonthAsThaiPeopleAbbreviateIt() {
    // the abbreviations the forms used to spell out in FEEL
    String[] months = {
      "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
      "ธ.ค."
    };
    for (int month = 1; month <= 12; month++) {
      assertThat(ThaiCalendar.thaiDate(LocalDate.of(2027, month, 5)))
          .isEqualTo("5 " + months[month - 1] + " 2570");
    }
    assertThat(ThaiCalendar.thaiDate(LocalDate.of(2026, 12, 31))).isEqualTo("31 ธ.ค. 2569");
  }
}
