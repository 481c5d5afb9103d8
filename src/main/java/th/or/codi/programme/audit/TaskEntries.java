package th.or.codi.programme.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import th.or.codi.programme.history.HistoricValues;
import th.or.codi.programme.messages.Messages;

/**
 * Each task: created (for which candidates, due when), then completed (by whom, with the values
 * submitted) or cancelled. Claims, assignments and delegations are operators' and people's actions
 * ({@link OperatorActionEntries}).
 */
final class TaskEntries implements EntrySource {

  @Override
  public void addEntries(InstanceTrail trail) {
    for (HistoricTaskInstance task : trail.history.tasks(trail.id())) {
      List<String> candidates = trail.history.candidates(task.getId());
      StringBuilder created = new StringBuilder();
      if (!candidates.isEmpty()) {
        created
            .append(Messages.both("audit.taskEntries.candidates"))
            .append(": ")
            .append(String.join(", ", candidates));
      }
      if (task.getDueDate() != null) {
        created
            .append(created.isEmpty() ? "" : "; ")
            .append(Messages.both("audit.taskEntries.due"))
            .append(": ")
            .append(HistoricValues.iso(task.getDueDate()));
      }
      trail.add(
          task.getStartTime(),
          AuditKind.TASK_CREATED,
          AuditEntry.SYSTEM,
          task.getTaskDefinitionKey(),
          task.getName(),
          task.getId(),
          created.toString(),
          Map.of());
      if (task.getEndTime() == null) {
        continue;
      }
      if ("completed".equals(task.getDeleteReason())) {
        UserOperationLogEntry complete = operationOn(trail.operations, task.getId(), "Complete");
        Map<String, Object> values =
            complete == null || complete.getOperationId() == null
                ? Map.of()
                : trail.show(
                    u ->
                        complete.getOperationId().equals(u.getUserOperationId())
                            && (task.getId().equals(u.getTaskId())
                                || Objects.equals(
                                    task.getActivityInstanceId(), u.getActivityInstanceId())));
        trail.add(
            task.getEndTime(),
            AuditKind.TASK_COMPLETED,
            complete != null && complete.getUserId() != null
                ? complete.getUserId()
                : AuditEntry.UNKNOWN,
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getId(),
            task.getAssignee() == null
                ? null
                : Messages.both("audit.taskEntries.assignee") + ": " + task.getAssignee(),
            values);
      } else {
        trail.add(
            task.getEndTime(),
            AuditKind.TASK_CANCELLED,
            AuditEntry.SYSTEM,
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getId(),
            task.getDeleteReason(),
            Map.of());
      }
    }
  }

  private static UserOperationLogEntry operationOn(
      Map<String, List<UserOperationLogEntry>> byOperation, String taskId, String type) {
    for (List<UserOperationLogEntry> group : byOperation.values()) {
      for (UserOperationLogEntry op : group) {
        if (type.equals(op.getOperationType()) && taskId.equals(op.getTaskId())) {
          return op;
        }
      }
    }
    return null;
  }
}
