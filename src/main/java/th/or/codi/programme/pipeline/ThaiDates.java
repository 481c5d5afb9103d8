package th.or.codi.programme.pipeline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;

/**
 * The dates a task's form shows read-only, written for Thai readers by {@link ThaiCalendar}: the
 * task listener {@code ${thaiDates}} (event create) puts {@code planStartDateThai = "5 ม.ค. 2570
 * (2027-01-05)"} beside each date in {@link #SHOWN} on the task, and the form shows {@code
 * {{planStartDateThai}}}. Task-local, like the list context: gone with the task, left out of the
 * audit trail, and the forms hold no calendar arithmetic of their own.
 */
@Component("thaiDates")
public class ThaiDates implements TaskListener {

  /** The dates the forms show: each gets a variable with the suffix {@code Thai}. */
  public static final List<String> SHOWN =
      List.of("forumDate", "visitStartDate", "visitEndDate", "planStartDate", "planEndDate");

  public static final String SUFFIX = "Thai";

  /** What a form shows for a date not yet set. */
  static final String NOT_SET = "-";

  @Override
  public void notify(DelegateTask task) {
    for (String name : SHOWN) {
      task.setVariableLocal(name + SUFFIX, format(task.getVariable(name)));
    }
  }

  /**
   * {@code 5 ม.ค. 2570 (2027-01-05)}: the Thai date with the stored one beside it; {@code -} for
   * none; a text that is not a date as it is.
   */
  public String format(Object value) {
    LocalDate date = day(value);
    if (date == null) {
      return value == null || value.toString().isBlank() ? NOT_SET : value.toString();
    }
    return ThaiCalendar.thaiDate(date) + " (" + date + ")";
  }

  private static LocalDate day(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return ThaiCalendar.dateOf(date.toInstant());
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return text.length() == 10
            ? LocalDate.parse(text)
            : ThaiCalendar.dateOf(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
