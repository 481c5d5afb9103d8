package th.or.codi.programme.pipeline;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.GregorianCalendar;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * Dates and durations of the timers, from configuration ({@link TimerProperties}). The models call
 * it as {@code ${deadlines...}}, so no duration is ever a literal in the BPMN. Time comes from the
 * engine's clock, so tests that move the engine's clock move deadlines too.
 */
@Component("deadlines")
public class Deadlines {

  private final TimerProperties timers;

  public Deadlines(TimerProperties timers) {
    this.timers = timers;
  }

  /** Due date of a user task of the given kind ({@code programme.timers.task-due.<key>}). */
  public Date due(String taskKey) {
    return plus(now(), required(timers.taskDue().get(taskKey), "task-due." + taskKey));
  }

  /**
   * The reminders of an overdue task, as a timer cycle: the first at {@code first} (the due date),
   * then every {@code reminder-repeat}, {@code reminders} times in all (e.g. {@code
   * R3/2027-01-05T00:00:00+07:00/P3D}).
   */
  public String reminders(Date first) {
    return "R"
        + timers.reminders()
        + "/"
        + java.time.OffsetDateTime.ofInstant(first.toInstant(), ThaiCalendar.ZONE)
        + "/"
        + timers.reminderRepeat();
  }

  /** How long a stage may run before it is escalated (an ISO duration for a timer). */
  public String stageAllowed(String stageKey) {
    return required(timers.stageAllowed().get(stageKey), "stage-allowed." + stageKey);
  }

  public String monthlyReportCycle() {
    return timers.monthlyReport();
  }

  public String quarterlyReviewCycle() {
    return timers.quarterlyReview();
  }

  public int maxPlanRevisions() {
    return timers.maxPlanRevisions();
  }

  /**
   * When a wait for a planned date ends: the start of that day in Bangkok (or, in demo mode, {@code
   * planned-date-wait} from now).
   */
  public Date onDate(Object plannedDate) {
    if (timers.plannedDateWait() != null) {
      return plus(now(), timers.plannedDateWait());
    }
    return Date.from(toLocalDate(plannedDate).atStartOfDay(ThaiCalendar.ZONE).toInstant());
  }

  /** When the plan has ended and its grace period too: the day after the end date + grace. */
  public Date afterGrace(Object planEndDate) {
    Date end =
        timers.plannedDateWait() != null
            ? onDate(planEndDate)
            : Date.from(
                toLocalDate(planEndDate).plusDays(1).atStartOfDay(ThaiCalendar.ZONE).toInstant());
    return plus(end, timers.planEndGrace());
  }

  /** A date variable as the forms send it ("2026-12-05", "2026-12-05T09:00:00+07:00") or a Date. */
  public static LocalDate toLocalDate(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ThaiCalendar.ZONE).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return text.length() == 10
            ? LocalDate.parse(text)
            : ZonedDateTime.parse(text).withZoneSameInstant(ThaiCalendar.ZONE).toLocalDate();
      } catch (DateTimeParseException e) {
        throw new BadUserRequestException(Messages.both("pipeline.deadlines.dateInvalid", text), e);
      }
    }
    throw new BadUserRequestException(
        Messages.both("pipeline.deadlines.dateMissing") + ": " + value);
  }

  private static Date now() {
    return ClockUtil.getCurrentTime();
  }

  private static Date plus(Date start, String isoDuration) {
    GregorianCalendar calendar = new GregorianCalendar();
    calendar.setTime(start);
    TimerProperties.parse(isoDuration).addTo(calendar);
    return calendar.getTime();
  }

  private static String required(String value, String key) {
    if (value == null) {
      throw new IllegalStateException("programme.timers." + key + " is not configured");
    }
    return value;
  }
}
