package th.or.codi.programme.pipeline;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told by {@link TaskReminder} each time a task is reminded, in the reminder's transaction: the
 * notifications tell the task's people (notifications/TaskNotifications implements it). An
 * interface here so that the pipeline depends on no notification code.
 */
public interface OverdueTasks {

  void overdue(DelegateTask task, int reminder);
}
