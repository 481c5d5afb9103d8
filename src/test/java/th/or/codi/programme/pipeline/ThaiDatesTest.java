package th.or.codi.programme.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ThaiDatesTest {

  private final ThaiDates dates = new ThaiDates();

  @Test
  void aDateAsAFormStoresItReadsInTheThaiCalendarWithTheStoredDateBeside() {
    assertThat(dates.format("2027-01-05")).isEqualTo("5 ม.ค. 2570 (2027-01-05)");
    assertThat(dates.format(LocalDate.of(2027, 1, 5))).isEqualTo("5 ม.ค. 2570 (2027-01-05)");
  }

  @Test
  void aMomentIsTheDayInThailand() {
    // 18:00 UTC on 4 January is already 5 January in Thailand
    assertThat(dates.format(Date.from(Instant.parse("2027-01-04T18:00:00Z"))))
        .isEqualTo("5 ม.ค. 2570 (2027-01-05)");
    assertThat(dates.format("2027-01-04T18:00:00Z")).isEqualTo("5 ม.ค. 2570 (2027-01-05)");
  }

  @Test
  void noDateShowsADashAndATextThatIsNoDateStaysAsItIs() {
    assertThat(dates.format(null)).isEqualTo("-");
    assertThat(dates.format(" ")).isEqualTo("-");
    assertThat(dates.format("ยังไม่กำหนด")).isEqualTo("ยังไม่กำหนด");
  }
}
