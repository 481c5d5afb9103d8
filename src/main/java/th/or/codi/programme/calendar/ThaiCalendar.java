package th.or.codi.programme.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Date;
import java.util.Locale;

/**
 * The programme's time and calendar, written once: Thailand's time zone, in which every date the
 * programme's people name (a forum day, a plan's end, "today", a period of the audit trail) is
 * meant, and the Buddhist Era (พ.ศ.) in which they write years, on the JDK's {@link
 * ThaiBuddhistChronology}. The programme stores Common Era dates (ISO-8601, as Camunda and the
 * forms do) and shows Buddhist Era dates to people.
 */
public final class ThaiCalendar {

  /** Thailand's time (UTC+7, no daylight saving). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

  /** How many years the Buddhist Era is ahead of the Common Era (พ.ศ. = ค.ศ. + 543). */
  public static final int BUDDHIST_ERA_OFFSET = buddhistYear(2000) - 2000;

  private static final DateTimeFormatter THAI_DATE_TIME =
      DateTimeFormatter.ofPattern("d/M/yyyy HH:mm:ss", Locale.ROOT)
          .withChronology(ThaiBuddhistChronology.INSTANCE)
          .withZone(ZONE);
  private static final DateTimeFormatter THAI_MINUTES =
      DateTimeFormatter.ofPattern("d/M/yyyy HH:mm 'น.'", Locale.ROOT)
          .withChronology(ThaiBuddhistChronology.INSTANCE)
          .withZone(ZONE);
  private static final DateTimeFormatter THAI_DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("th-TH"))
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter ENGLISH_MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZONE);

  private ThaiCalendar() {}

  /** The Buddhist Era year of a Common Era year: 2019 → 2562. */
  public static int buddhistYear(int commonYear) {
    return ThaiBuddhistDate.from(LocalDate.of(commonYear, 1, 1)).get(ChronoField.YEAR);
  }

  /** The Common Era year of a Buddhist Era year: 2562 → 2019. */
  public static int commonYear(int buddhistYear) {
    return LocalDate.from(ThaiBuddhistChronology.INSTANCE.date(buddhistYear, 1, 1)).getYear();
  }

  /** The day in Thailand at this instant. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** {@code 9/4/2562 13:05:09}: a moment as Thai people read it, Buddhist Era, Thailand's time. */
  public static String thaiDateTime(Instant instant) {
    return THAI_DATE_TIME.format(instant);
  }

  /** {@code 5 ม.ค. 2570}: a day as a form shows it, Thai month abbreviation, Buddhist Era. */
  public static String thaiDate(LocalDate date) {
    return THAI_DATE.format(date);
  }

  /** {@code 9/4/2562 13:05 น.}: to the minute, for messages. */
  public static String thaiMinutes(Date date) {
    return date == null ? "" : THAI_MINUTES.format(date.toInstant());
  }

  /**
   * {@code 2019-04-09 13:05}: the same moment for the English half of a message, Thailand's time.
   */
  public static String englishMinutes(Date date) {
    return date == null ? "" : ENGLISH_MINUTES.format(date.toInstant());
  }
}
