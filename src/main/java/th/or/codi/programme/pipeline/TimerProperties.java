package th.or.codi.programme.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import th.or.codi.programme.messages.Messages;

/**
 * Every duration the models use (block {@code programme.timers} in application.yaml), as ISO-8601
 * durations ({@code P14D}, {@code PT30M}, {@code P1M}) and cycles ({@code R/P1M}). Checked at
 * startup, so a typo stops the application instead of a timer in production.
 *
 * @param taskDue due date of each kind of user task, counted from the task's creation
 * @param stageAllowed how long a stage may run before managers are asked to follow it up
 * @param monthlyReport cycle of the monthly progress report during implementation ({@code R/P1M}; a
 *     bounded cycle such as {@code R2/PT15M} fires that many times)
 * @param quarterlyReview cycle of the tri-party joint review of the programme
 * @param planEndGrace how long after the plan's end date a completion report is still awaited
 * @param plannedDateWait empty: waits last until the planned date (forum day, end of the visit, end
 *     of the plan); a duration (demo): every such wait lasts that long instead
 * @param maxPlanRevisions revision rounds of the joint plan before managers are asked
 */
@ConfigurationProperties("programme.timers")
public record TimerProperties(
    Map<String, String> taskDue,
    Map<String, String> stageAllowed,
    String monthlyReport,
    String quarterlyReview,
    String planEndGrace,
    String plannedDateWait,
    int maxPlanRevisions,
    String reminderRepeat,
    int reminders) {

  public TimerProperties {
    taskDue = taskDue == null ? Map.of() : new TreeMap<>(taskDue);
    stageAllowed = stageAllowed == null ? Map.of() : new TreeMap<>(stageAllowed);
    plannedDateWait = plannedDateWait == null || plannedDateWait.isBlank() ? null : plannedDateWait;
    reminderRepeat = reminderRepeat == null || reminderRepeat.isBlank() ? "P3D" : reminderRepeat;
    reminders = reminders <= 0 ? 3 : reminders;
    List<String> problems = new ArrayList<>();
    taskDue.forEach((key, value) -> checkDuration("task-due." + key, value, problems));
    stageAllowed.forEach((key, value) -> checkDuration("stage-allowed." + key, value, problems));
    checkCycle("monthly-report", monthlyReport, problems);
    checkCycle("quarterly-review", quarterlyReview, problems);
    checkDuration("plan-end-grace", planEndGrace, problems);
    checkDuration("reminder-repeat", reminderRepeat, problems);
    if (plannedDateWait != null) {
      checkDuration("planned-date-wait", plannedDateWait, problems);
    }
    if (maxPlanRevisions < 1) {
      problems.add("max-plan-revisions " + Messages.both("pipeline.timers.revisionsTooFew"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "programme.timers "
              + Messages.both("pipeline.timers.invalid")
              + ":\n  - "
              + String.join("\n  - ", problems));
    }
  }

  static Duration parse(String value) {
    try {
      return DatatypeFactory.newInstance().newDuration(value);
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkDuration(String key, String value, List<String> problems) {
    try {
      if (value == null || parse(value).getSign() <= 0) {
        problems.add(
            key + ": '" + value + "' " + Messages.both("pipeline.timers.durationNotPositive"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(key + ": '" + value + "' " + Messages.both("pipeline.timers.durationInvalid"));
    }
  }

  /** {@code R/P1M} repeats for as long as its scope runs, {@code R2/PT20M} twice (the demo). */
  private static void checkCycle(String key, String value, List<String> problems) {
    if (value == null || !CYCLE.matcher(value).matches()) {
      problems.add(key + ": '" + value + "' " + Messages.both("pipeline.timers.cycleInvalid"));
      return;
    }
    checkDuration(key, value.substring(value.indexOf('/') + 1), problems);
  }

  private static final Pattern CYCLE = Pattern.compile("R([1-9][0-9]*)?/[^/]+");
}
