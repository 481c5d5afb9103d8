package th.or.codi.programme.pipeline;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.or.codi.programme.calendar.ThaiCalendar;
import th.or.codi.programme.messages.Messages;

/**
 * Timeout listener of every user task: when a task is past its due date, it moves up in Tasklist
 * (priority) and the reminder is recorded on the task as a comment (shown in Tasklist's history of
 * the task and kept in the engine's history for auditors); its people are told (notifications/),
 * from the configured reminder on their coordinators or managers too.
 */
@Component("taskReminder")
public class TaskReminder implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReminder.class);

  /** Added to the priority at each reminder; Camunda's default priority is 50. */
  static final int PRIORITY_STEP = 25;

  static final int MAX_PRIORITY = 100;
  static final String REMINDERS = "reminders";
  private static final long TOLERANCE_MILLIS = 60_000;

  private final List<OverdueTasks> listeners;

  public TaskReminder(List<OverdueTasks> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void notify(DelegateTask task) {
    Date due = task.getDueDate();
    Date now = ClockUtil.getCurrentTime();
    // The timer is set when the task's scope starts, a moment before the task computes its
    // due date from the same configuration; a due date more than a minute ahead means someone
    // moved it later, and the task is not overdue.
    if (due != null && due.getTime() - now.getTime() > TOLERANCE_MILLIS) {
      return;
    }
    task.setPriority(Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP));
    Integer sent = (Integer) task.getVariableLocal(REMINDERS);
    int count = sent == null ? 1 : sent + 1;
    task.setVariableLocal(REMINDERS, count);
    String message =
        Messages.thai("pipeline.reminder.comment", count, thai(due))
            + " / "
            + Messages.english("pipeline.reminder.comment", count, english(due));

    task.getProcessEngineServices()
        .getTaskService()
        .createComment(task.getId(), task.getProcessInstanceId(), message);
    listeners.forEach(l -> l.overdue(task, count));
    LOG.info(
        "Reminder {} for task {} '{}' ({}), candidates/assignee {}",
        count,
        task.getId(),
        task.getName(),
        task.getExecution().getProcessBusinessKey(),
        task.getAssignee());
  }

  private static String thai(Date date) {
    return ThaiCalendar.thaiMinutes(date);
  }

  private static String english(Date date) {
    return date == null ? "" : ThaiCalendar.englishMinutes(date) + " ICT";
  }
}
